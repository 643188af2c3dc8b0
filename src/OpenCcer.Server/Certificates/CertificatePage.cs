using System.Globalization;
using System.Net;
using System.Text;

namespace OpenCcer.Server.Certificates;

/// <summary>The public verification page of a certificate: plain HTML, no script, the same data as the JSON.</summary>
public static class CertificatePage
{
    public static string Render(CertificateView v)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "-");
        var b = new StringBuilder();
        b.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Certificate ").Append(E(v.CertificateNumber))
            .Append("</title><style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}th{text-align:left;padding-right:1rem;vertical-align:top}td{word-break:break-all}</style></head><body>");
        b.Append("<h1>Cancellation certificate ").Append(E(v.CertificateNumber)).Append("</h1>");
        b.Append("<p>This certificate is recorded in the OpenCCER registry journal.</p><table>");
        void Row(string name, string? value) => b.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>");
        Row("Purpose", v.PurposeLabel);
        Row("Beneficiary", v.Beneficiary);
        Row("Account holder", v.AccountHolder);
        Row("Quantity (tCO2e)", v.QuantityTonnes.ToString(CultureInfo.InvariantCulture));
        Row("Project", v.ProjectTitle is null ? v.ProjectCode : $"{v.ProjectCode} {v.ProjectTitle}");
        Row("Methodology", v.MethodologyCode);
        Row("Province", v.Province);
        Row("Vintage", v.Vintage.ToString(CultureInfo.InvariantCulture));
        Row("Unit class", v.UnitClass);
        Row("Cancelled on", v.CancelledOn);
        Row("Cancelled at", v.CancelledAt);
        Row("Journal entry", v.JournalSequence.ToString(CultureInfo.InvariantCulture));
        Row("Journal hash", v.JournalHash);
        if (v.Compliance is { } c) Row("Compliance", $"{c.SubjectId}, period {c.Period.ToString(CultureInfo.InvariantCulture)}");
        b.Append("</table><h2>Serial blocks</h2><ul>");
        foreach (var block in v.SerialBlocks) b.Append("<li><code>").Append(E(block)).Append("</code></li>");
        b.Append("</ul><p><a href=\"").Append(E(v.PdfUrl)).Append("\">Certificate (PDF)</a></p></body></html>");
        return b.ToString();
    }
}
