namespace OpenCcer.Storage.Compliance;

/// <summary>The public facts of a project that reports and certificates name.</summary>
public sealed record ProjectSummary(string Code, string Title, string MethodologyCode, string Province, string Phase);
