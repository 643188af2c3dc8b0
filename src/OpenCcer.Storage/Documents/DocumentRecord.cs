using OpenCcer.Core.Lifecycle;

namespace OpenCcer.Storage.Documents;

/// <summary>
/// A document's metadata as stored. <see cref="Sha256"/> (lower-case hex) and <see cref="SizeBytes"/> are
/// those of the stored content; the content itself is kept once per hash. <see cref="ContentType"/> is the
/// type found by sniffing the bytes, not the one the uploader declared. <see cref="DisclosedAt"/> is set
/// the first time the document is found disclosed, and from then on it stays disclosed.
/// </summary>
public sealed record DocumentRecord(DocumentId Id, ProjectId Project, ReductionId? Reduction, DocumentKind Kind, string FileName,
    string ContentType, long SizeBytes, string Sha256, string UploadedBySubject, string UploadedByRole, DateTimeOffset UploadedAt,
    DateTimeOffset? DisclosedAt);
