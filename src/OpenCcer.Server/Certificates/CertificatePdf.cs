using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace OpenCcer.Server.Certificates;

/// <summary>
/// Draws a cancellation certificate as a one-page A4 PDF: the public record, and a QR code of the
/// verification URL drawn as vector squares (no image codec needed). Long lists of serial blocks
/// continue on further pages.
/// </summary>
public static class CertificatePdf
{
    private const double Margin = 56;
    private const double LineHeight = 16;

    /// <summary>The text the QR code encodes: the verification URL.</summary>
    public static string QrPayload(CertificateView view) => view.VerificationUrl;

    public static byte[] Render(CertificateView view)
    {
        CertificateFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"Cancellation certificate {view.CertificateNumber}";
        document.Info.Subject = "OpenCCER cancellation certificate";
        document.Info.Creator = "OpenCCER";
        var title = new XFont(CertificateFonts.Family, 18, XFontStyleEx.Bold);
        var label = new XFont(CertificateFonts.Family, 9, XFontStyleEx.Bold);
        var text = new XFont(CertificateFonts.Family, 10, XFontStyleEx.Regular);
        var small = new XFont(CertificateFonts.Family, 8, XFontStyleEx.Regular);

        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        var gfx = XGraphics.FromPdfPage(page);
        try
        {
            var y = Margin;
            gfx.DrawString("CCER Cancellation Certificate", title, XBrushes.Black, new XPoint(Margin, y + 18));
            y += 30;
            gfx.DrawString("Certificate number " + view.CertificateNumber, text, XBrushes.Black, new XPoint(Margin, y + 10));
            y += 28;
            DrawQr(gfx, QrPayload(view), page.Width.Point - Margin - 120, Margin, 120);

            var rows = new List<(string, string)>
            {
                ("Purpose", view.PurposeLabel),
                ("Beneficiary", view.Beneficiary),
                ("Account holder", view.AccountHolder),
                ("Quantity", view.QuantityTonnes.ToString("N0", CultureInfo.InvariantCulture) + " tCO2e"),
                ("Project", view.ProjectTitle is null ? view.ProjectCode : $"{view.ProjectCode}  {view.ProjectTitle}"),
                ("Methodology", view.MethodologyCode ?? "-"),
                ("Province", view.Province ?? "-"),
                ("Vintage", view.Vintage.ToString(CultureInfo.InvariantCulture)),
                ("Unit class", view.UnitClass),
                ("Cancelled on", $"{view.CancelledOn} (cancelled at {view.CancelledAt})"),
                ("Journal entry", view.JournalSequence.ToString(CultureInfo.InvariantCulture)),
                ("Journal hash", view.JournalHash),
            };
            if (view.Compliance is { } c) rows.Add(("Compliance", $"{c.SubjectId}, period {c.Period.ToString(CultureInfo.InvariantCulture)}"));
            foreach (var (name, value) in rows)
            {
                gfx.DrawString(name, label, XBrushes.Black, new XPoint(Margin, y + 10));
                foreach (var part in Wrap(value, 70))
                {
                    gfx.DrawString(part, text, XBrushes.Black, new XPoint(Margin + 110, y + 10));
                    y += LineHeight;
                }
            }
            y += 8;
            gfx.DrawString($"Serial blocks ({view.SerialBlocks.Count})", label, XBrushes.Black, new XPoint(Margin, y + 10));
            y += LineHeight;
            foreach (var block in view.SerialBlocks)
            {
                if (y > page.Height.Point - Margin - 3 * LineHeight)
                {
                    gfx.Dispose();
                    page = document.AddPage();
                    page.Size = PdfSharp.PageSize.A4;
                    gfx = XGraphics.FromPdfPage(page);
                    y = Margin;
                }
                gfx.DrawString(block, text, XBrushes.Black, new XPoint(Margin + 10, y + 10));
                y += LineHeight;
            }
            y += 8;
            gfx.DrawString("Verify this certificate at:", small, XBrushes.Black, new XPoint(Margin, y + 10));
            gfx.DrawString(view.VerificationUrl, small, XBrushes.Black, new XPoint(Margin, y + 10 + LineHeight));
        }
        finally
        {
            gfx.Dispose();
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void DrawQr(XGraphics gfx, string payload, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var column = 0; column < matrix[row].Count; column++)
            {
                if (matrix[row][column]) gfx.DrawRectangle(XBrushes.Black, x + column * module, y + row * module, module, module);
            }
        }
    }

    /// <summary>Splits a value into lines of at most <paramref name="width"/> characters (hashes and long names).</summary>
    private static IEnumerable<string> Wrap(string value, int width)
    {
        if (value.Length == 0) yield return "";
        for (var i = 0; i < value.Length; i += width) yield return value.Substring(i, Math.Min(width, value.Length - i));
    }
}
