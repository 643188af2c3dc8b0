namespace OpenCcer.Application.Article6;

/// <summary>A report written as a file: its bytes, content type and file name.</summary>
public sealed record ReportFile(byte[] Content, string ContentType, string FileName);
