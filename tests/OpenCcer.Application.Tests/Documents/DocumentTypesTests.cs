using System.IO.Compression;
using System.Text;
using OpenCcer.Application.Documents;

namespace OpenCcer.Application.Tests.Documents;

/// <summary>File types are recognised from their bytes, and the bytes must be of the type the file name claims.</summary>
public sealed class DocumentTypesTests
{
    private static byte[] Package(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<x/>");
            }
        return buffer.ToArray();
    }

    public static TheoryData<byte[], string, string?> Cases => new()
    {
        { "%PDF-1.4\n"u8.ToArray(), "report.PDF", DocumentTypes.Pdf },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00], "site.png", DocumentTypes.Png },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0x00], "site.jpg", DocumentTypes.Jpeg },
        { [0xFF, 0xD8, 0xFF, 0xE1, 0x00], "site.jpeg", DocumentTypes.Jpeg },
        { Encoding.UTF8.GetBytes("date,mwh\n2022-01-01,1234.5\r\n风电场,\t1\n"), "meter.csv", DocumentTypes.Csv },
        { Package("[Content_Types].xml", "xl/workbook.xml"), "data.xlsx", DocumentTypes.Xlsx },
        { Package("[Content_Types].xml", "word/document.xml"), "plan.docx", DocumentTypes.Docx },
        { "MZ\x90\0"u8.ToArray(), "report.pdf", null },
        { "%PDF-1.4\n"u8.ToArray(), "report.exe", null },
        { "%PDF-1.4\n"u8.ToArray(), "report", null },
        { "%PDF-1.4\n"u8.ToArray(), "site.png", null },
        { [0xFF, 0xFE, 0x00, 0x41], "meter.csv", null },
        { "a,b\0c"u8.ToArray(), "meter.csv", null },
        { Package("[Content_Types].xml", "word/document.xml"), "data.xlsx", null },
        { Package("xl/workbook.xml"), "data.xlsx", null },
        { [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01], "data.xlsx", null },
        { Package("[Content_Types].xml", "xl/workbook.xml"), "data.zip", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void a_file_is_accepted_only_when_its_bytes_are_of_the_type_its_name_claims(byte[] content, string fileName, string? expected) =>
        Assert.Equal(expected, DocumentTypes.Sniff(content, fileName));
}
