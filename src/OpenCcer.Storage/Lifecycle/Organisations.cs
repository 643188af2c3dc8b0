using System.Security.Cryptography;
using System.Text;
using OpenCcer.Core.Lifecycle;

namespace OpenCcer.Storage.Lifecycle;

/// <summary>
/// The lifecycle's organisation id of a subject (its unified social credit code): a name-based id, so
/// the same subject always has the same id in every store and every replay.
/// </summary>
public static class Organisations
{
    public static OrganisationId IdOf(string subjectId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("openccer-organisation:" + subjectId.Trim()));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // RFC 9562 version 5-style layout
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new OrganisationId(new Guid(hash.AsSpan(0, 16), bigEndian: true));
    }
}
