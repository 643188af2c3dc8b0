using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenCcer.Storage.Journal;

/// <summary>The hash chain of the journal.</summary>
public static class JournalHash
{
    /// <summary>The previous hash of the first row.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Of(string previousHash, long sequence, string operationId, string requestHash, string kind,
        string eventJson, string recordedAt)
    {
        var text = string.Join('\n', previousHash, sequence.ToString(CultureInfo.InvariantCulture), operationId,
            requestHash, kind, eventJson, recordedAt);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string OfRequest(string canonicalRequest) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));

    public static bool IsValid(JournalEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Link.IsValid;
    }
}
