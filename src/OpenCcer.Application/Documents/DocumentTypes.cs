using System.IO.Compression;
using System.Text;

namespace OpenCcer.Application.Documents;

/// <summary>
/// The file types accepted for upload, recognised from their first bytes, never from the declared content
/// type: the file name's extension says which type is claimed and the bytes must be of that type. Office
/// files are ZIP archives; they must also hold the package part of a workbook (<c>xl/</c>) or a
/// document (<c>word/</c>). CSV must be UTF-8 text without control characters other than tab and line ends.
/// </summary>
public static class DocumentTypes
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Csv = "text/csv";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string Allowed = ".pdf, .png, .jpg, .jpeg, .csv, .xlsx, .docx";

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The content type of <paramref name="content"/> when it is of the type its file name claims; null otherwise.</summary>
    public static string? Sniff(byte[] content, string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => content.AsSpan().StartsWith(PdfMagic) ? Pdf : null,
        ".png" => content.AsSpan().StartsWith(PngMagic) ? Png : null,
        ".jpg" or ".jpeg" => content.AsSpan().StartsWith(JpegMagic) ? Jpeg : null,
        ".xlsx" => IsOfficePackage(content, "xl/") ? Xlsx : null,
        ".docx" => IsOfficePackage(content, "word/") ? Docx : null,
        ".csv" => IsText(content) ? Csv : null,
        _ => null,
    };

    // Reads only the archive's central directory; nothing is extracted.
    private static bool IsOfficePackage(byte[] content, string partPrefix)
    {
        if (!content.AsSpan().StartsWith(ZipMagic)) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.Entries.Any(e => e.FullName == "[Content_Types].xml")
                && zip.Entries.Any(e => e.FullName.StartsWith(partPrefix, StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool IsText(byte[] content)
    {
        try
        {
            var text = StrictUtf8.GetString(content);
            return !text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
