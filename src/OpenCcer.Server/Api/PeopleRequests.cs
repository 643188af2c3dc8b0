namespace OpenCcer.Server.Api;

// Request bodies of sign-in. Every field is nullable so a missing one is reported by name.

public sealed record SignInRequest(string? UserName, string? Password);
