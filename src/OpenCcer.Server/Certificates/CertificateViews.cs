using System.Globalization;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;

namespace OpenCcer.Server.Certificates;

/// <summary>Builds the public record of a certificate from the cancellation, its project and its journal row.</summary>
public static class CertificateViews
{
    public const int NumberLengthMax = 40;

    /// <summary>Certificate numbers are letters, digits and hyphens; anything else names no certificate.</summary>
    public static bool IsWellFormed(string number) =>
        number.Length is > 0 and <= NumberLengthMax && number.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public static string PurposeLabel(CancellationPurpose purpose) => purpose switch
    {
        CancellationPurpose.NationalEtsOffset => "National ETS offset",
        CancellationPurpose.LocalEtsOffset => "Local ETS offset",
        CancellationPurpose.LargeEventNeutrality => "Large-event carbon neutrality",
        CancellationPurpose.CorporateOffset => "Corporate emission offset",
        CancellationPurpose.VoluntaryPublicInterest => "Voluntary public-interest cancellation",
        CancellationPurpose.Forced => "Forced cancellation",
        CancellationPurpose.Judicial => "Judicial deduction",
        CancellationPurpose.AllowanceSurrender => "National ETS allowance surrender",
        CancellationPurpose.InternationalTransfer => "First transfer to a foreign registry (Article 6)",
        CancellationPurpose.OverallMitigation => "Overall mitigation in global emissions (Article 6)",
        _ => purpose.ToString(),
    };

    public static async Task<CertificateView?> LoadAsync(LedgerStore store, SerialFormat format, string publicBaseUrl, string number,
        CancellationToken ct)
    {
        if (!IsWellFormed(number)) return null;
        var c = await store.Registry.CancellationAsync(number, ct);
        if (c is null) return null;
        var journal = await store.Compliance.CancellationJournalAsync(number, ct)
            ?? throw new InvalidOperationException($"Cancellation {number} has no journal row.");
        var project = await store.Compliance.ProjectSummaryAsync(c.ProjectCode, ct);
        var holder = await store.Registry.AccountAsync(c.AccountId, ct);
        var link = await store.Compliance.SurrenderLineAsync(number, ct);
        var instrument = new Instrument(c.ProjectCode, c.Vintage);
        var purpose = (CancellationPurpose)c.Purpose;
        var cancelledAt = DateTimeOffset.Parse(c.CancelledAt, CultureInfo.InvariantCulture);
        var root = publicBaseUrl.TrimEnd('/');
        return new CertificateView(
            c.CertificateNumber,
            Api.RequestReader.Snake(purpose.ToString()),
            PurposeLabel(purpose),
            Api.RequestReader.Snake(instrument.UnitClass.ToString()),
            c.Beneficiary,
            holder?.SubjectName ?? "",
            c.Quantity,
            SerialBlocks(format, instrument, c.Ranges),
            c.ProjectCode,
            project?.Title,
            project?.MethodologyCode,
            project?.Province,
            c.Vintage,
            c.CancelledAt,
            ChinaClock.Local(cancelledAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            journal.Sequence,
            journal.Hash,
            link is null ? null : new ComplianceLink(link.SubjectId, link.Period),
            $"{root}/verify/{c.CertificateNumber}",
            $"{root}/api/v1/public/certificates/{c.CertificateNumber}/pdf");
    }

    /// <summary>The stored ranges (<c>issuance:first-last,…</c>) written as serial blocks.</summary>
    public static IReadOnlyList<string> SerialBlocks(SerialFormat format, Instrument instrument, string ranges) =>
        ranges.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(range =>
        {
            var serials = range[(range.IndexOf(':', StringComparison.Ordinal) + 1)..];
            var dash = serials.IndexOf('-', StringComparison.Ordinal);
            return format.Render(instrument, long.Parse(serials[..dash], CultureInfo.InvariantCulture),
                long.Parse(serials[(dash + 1)..], CultureInfo.InvariantCulture));
        }).ToList();
}
