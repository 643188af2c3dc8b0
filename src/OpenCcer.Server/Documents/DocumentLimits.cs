namespace OpenCcer.Server.Documents;

/// <summary>
/// Limits on uploads, from configuration (<c>Documents:SizeMaxBytes</c>, <c>Documents:PerProjectMax</c>).
/// <see cref="EnvelopeBytesMax"/> is what the multipart envelope and the small fields may add to the file.
/// </summary>
public sealed record DocumentLimits(long SizeMaxBytes, int PerProjectMax)
{
    public const long SizeMaxBytesDefault = 20L * 1024 * 1024;
    public const int PerProjectMaxDefault = 200;
    public const long EnvelopeBytesMax = 64 * 1024;

    public long RequestBytesMax => checked(SizeMaxBytes + EnvelopeBytesMax);

    public static DocumentLimits From(IConfiguration configuration)
    {
        var size = configuration.GetValue("Documents:SizeMaxBytes", SizeMaxBytesDefault);
        var count = configuration.GetValue("Documents:PerProjectMax", PerProjectMaxDefault);
        // Content is held in memory and in one database value: keep it well under 1 GiB.
        if (size is < 1 or > 512L * 1024 * 1024) throw new InvalidOperationException("Documents:SizeMaxBytes must be between 1 and 536870912.");
        if (count is < 1 or > 100_000) throw new InvalidOperationException("Documents:PerProjectMax must be between 1 and 100000.");
        return new DocumentLimits(size, count);
    }
}
