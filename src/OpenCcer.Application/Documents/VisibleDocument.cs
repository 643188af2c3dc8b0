using OpenCcer.Storage.Documents;

namespace OpenCcer.Application.Documents;

/// <summary>A document the caller may see, and whether it is disclosed to the public.</summary>
public sealed record VisibleDocument(DocumentRecord Document, bool Disclosed);
