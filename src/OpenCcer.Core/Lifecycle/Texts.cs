namespace OpenCcer.Core.Lifecycle;

/// <summary>Limits on free text, so that no command can grow a state without bound.</summary>
internal static class Texts
{
    public const int TitleLengthMax = 200;
    public const int CodeLengthMax = 40;
    public const int CommentLengthMax = 4_000;
    public const int ReasonLengthMax = 2_000;

    public static LifecycleStatus Check(string? text, int lengthMax)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return LifecycleStatus.TextEmpty;
        }

        return text.Length > lengthMax ? LifecycleStatus.TextTooLong : LifecycleStatus.Ok;
    }

    /// <summary>A SHA-256 in hexadecimal, as documents are stored (either case).</summary>
    public static bool IsSha256(string? hash) =>
        hash is { Length: 64 } && hash.All(char.IsAsciiHexDigit);
}
