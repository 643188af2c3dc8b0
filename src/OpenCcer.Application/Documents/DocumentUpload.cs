namespace OpenCcer.Application.Documents;

/// <summary>
/// The fields of an upload as a door read them (the API's multipart body, the portal's form): the handler
/// checks them. <paramref name="Content"/> is null when no file was sent.
/// </summary>
public sealed record DocumentUpload(string? Kind, string? ReductionId, string? FileName, byte[]? Content);
