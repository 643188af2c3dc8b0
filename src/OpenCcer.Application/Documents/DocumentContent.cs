namespace OpenCcer.Application.Documents;

/// <summary>A document the caller may download, with its bytes.</summary>
public sealed record DocumentContent(VisibleDocument Visible, byte[] Bytes);
