namespace OpenCcer.Application.Documents;

/// <summary>
/// Limits on uploads: the size of one document and how many documents a project holds. The server reads
/// them from configuration (<c>Documents:SizeMaxBytes</c>, <c>Documents:PerProjectMax</c>).
/// <see cref="EnvelopeBytesMax"/> is what the multipart envelope and the small fields may add to the file.
/// </summary>
public sealed record DocumentLimits
{
    public const long SizeMaxBytesDefault = 20L * 1024 * 1024;
    public const int PerProjectMaxDefault = 200;
    public const long EnvelopeBytesMax = 64 * 1024;

    // Content is held in memory and in one database value: keep it well under 1 GiB.
    public const long SizeMaxBytesLimit = 512L * 1024 * 1024;
    public const int PerProjectMaxLimit = 100_000;

    public DocumentLimits(long sizeMaxBytes, int perProjectMax)
    {
        if (sizeMaxBytes is < 1 or > SizeMaxBytesLimit) throw new InvalidOperationException($"Documents:SizeMaxBytes must be between 1 and {SizeMaxBytesLimit}.");
        if (perProjectMax is < 1 or > PerProjectMaxLimit) throw new InvalidOperationException($"Documents:PerProjectMax must be between 1 and {PerProjectMaxLimit}.");
        SizeMaxBytes = sizeMaxBytes;
        PerProjectMax = perProjectMax;
    }

    public static readonly DocumentLimits Default = new(SizeMaxBytesDefault, PerProjectMaxDefault);

    public long SizeMaxBytes { get; }

    public int PerProjectMax { get; }

    public long RequestBytesMax => checked(SizeMaxBytes + EnvelopeBytesMax);
}
