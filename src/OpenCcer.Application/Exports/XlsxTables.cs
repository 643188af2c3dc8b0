using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OpenCcer.Application.Exports;

/// <summary>
/// Tables as an XLSX workbook, one sheet each (named after the table), a header row, whole numbers as
/// numbers and text as inline strings; and the reader that gives them back.
/// </summary>
public static class XlsxTables
{
    public static byte[] Write(IReadOnlyList<ExportTable> tables)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var table in tables)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.AppendChild(Row(table.Columns.Cast<object?>()));
                foreach (var row in table.Rows) data.AppendChild(Row(row));
                part.Worksheet = new Worksheet(data);
                sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = SheetName(table.Name) });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>Sheet names hold at most 31 characters and none of <c>[]:*?/\</c>.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? '_' : c).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static Row Row(IEnumerable<object?> cells)
    {
        var row = new Row();
        foreach (var cell in cells)
        {
            row.AppendChild(cell switch
            {
                long or int => new Cell { DataType = CellValues.Number, CellValue = new CellValue(ExportTable.Text(cell)) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(ExportTable.Text(cell)) { Space = SpaceProcessingModeValues.Preserve }) },
            });
        }
        return row;
    }

    public static List<ExportTable> Read(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The file has no workbook.");
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var tables = new List<ExportTable>();
        foreach (var sheet in workbook.Workbook.Descendants<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var rows = part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => Value(c, shared)).ToList()).ToList();
            var columns = rows.Count == 0 ? [] : rows[0];
            tables.Add(new ExportTable(sheet.Name!.Value!, columns,
                rows.Skip(1).Select(r => (IReadOnlyList<object?>)r.Cast<object?>().ToList()).ToList()));
        }
        return tables;
    }

    private static string Value(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString) return shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)];
        return cell.CellValue?.Text ?? "";
    }
}
