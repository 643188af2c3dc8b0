using System.Globalization;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Methodologies.Import;

/// <summary>
/// Shared mechanics of the monitoring imports: header check (naming a column given in the wrong
/// unit), field parsing with errors that carry the line number and column name, and all-or-nothing.
/// </summary>
internal static class CsvRows
{
    internal const int RowsMax = 1_000_000;

    /// <summary>Reads every row; <paramref name="rowRead"/>, when given, is called once after each line below the header.</summary>
    internal static ImportResult<T> Import<T>(string text, string[] header, Func<Cells, T?> parseRow, Action? rowRead = null)
        where T : class
    {
        var errors = new List<FieldError>();
        var rows = new List<T>();
        var sawHeader = false;
        foreach (var line in CsvText.Lines(text))
        {
            if (!sawHeader)
            {
                sawHeader = true;
                CheckHeader(line, header, errors);
                if (errors.Count > 0)
                {
                    return new ImportResult<T>([], errors);
                }
                continue;
            }
            if (rows.Count + errors.Count >= RowsMax)
            {
                errors.Add(new FieldError($"line {line.LineNumber}", $"a file may hold at most {RowsMax} rows"));
                break;
            }
            if (line.Error is not null || line.Fields.Count != header.Length)
            {
                errors.Add(new FieldError($"line {line.LineNumber}", line.Error ?? $"expected {header.Length} fields, found {line.Fields.Count}"));
            }
            else
            {
                var cells = new Cells(line, header, errors);
                var row = parseRow(cells);
                if (!cells.Failed && row is not null)
                {
                    rows.Add(row);
                }
            }
            rowRead?.Invoke();
        }
        if (!sawHeader)
        {
            errors.Add(new FieldError("line 1", "the file is empty; expected the header " + string.Join(',', header)));
        }
        else if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new FieldError("line 2", "the file has a header but no rows"));
        }
        return errors.Count > 0 ? new ImportResult<T>([], errors) : new ImportResult<T>(rows, []);
    }

    private static void CheckHeader(CsvText.Line line, string[] header, List<FieldError> errors)
    {
        var fields = line.Fields.Select(f => f.ToLowerInvariant()).ToArray();
        for (var i = 0; i < header.Length; i++)
        {
            var given = i < fields.Length ? fields[i] : "(missing)";
            if (given != header[i])
            {
                errors.Add(new FieldError($"line {line.LineNumber}: column {i + 1}", $"expected '{header[i]}', found '{given}' (check the name and its unit)"));
            }
        }
        if (fields.Length > header.Length)
        {
            errors.Add(new FieldError($"line {line.LineNumber}", $"expected {header.Length} columns, found {fields.Length}"));
        }
    }

    /// <summary>Typed access to one row's fields; every failure is recorded with line and column.</summary>
    internal sealed class Cells(CsvText.Line line, string[] header, List<FieldError> errors)
    {
        public bool Failed { get; private set; }

        public string? Text(int column, bool required = true)
        {
            var value = line.Fields[column];
            if (value.Length == 0)
            {
                return required ? Fail<string>(column, "is required") : null;
            }
            return value;
        }

        public decimal? Decimal(int column, bool required = true, bool positive = false)
        {
            if (Text(column, required) is not { } text)
            {
                return null;
            }
            if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return Fail<decimal>(column, $"'{text}' is not a number");
            }
            if (positive ? value <= 0m : value < 0m)
            {
                return Fail<decimal>(column, positive ? "must be above 0" : "must not be negative");
            }
            return value;
        }

        public decimal? SignedDecimal(int column)
        {
            if (Text(column, required: false) is not { } text)
            {
                return null;
            }
            return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? value
                : Fail<decimal>(column, $"'{text}' is not a number");
        }

        public DateOnly? Date(int column, bool required = true)
        {
            if (Text(column, required) is not { } text)
            {
                return null;
            }
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : Fail<DateOnly>(column, $"'{text}' is not a date written yyyy-MM-dd");
        }

        public void Error(int column, string message) => Fail<string>(column, message);

        private T? Fail<T>(int column, string message)
            where T : notnull
        {
            Failed = true;
            errors.Add(new FieldError($"line {line.LineNumber}: {header[column]}", message));
            return default;
        }
    }
}
