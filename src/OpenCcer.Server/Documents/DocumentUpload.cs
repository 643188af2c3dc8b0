namespace OpenCcer.Server.Documents;

/// <summary>The fields of a multipart upload as sent; checked by the endpoint.</summary>
public sealed record DocumentUpload(string? Kind, string? ReductionId, string? FileName, byte[]? Content);
