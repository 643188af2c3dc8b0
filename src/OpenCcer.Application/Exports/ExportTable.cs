using System.Globalization;

namespace OpenCcer.Application.Exports;

/// <summary>
/// One exportable list: a name, its columns and its rows. Cells are text, whole numbers or null; every
/// format writes them so that reading the file back gives the same table (<see cref="AsText"/>).
/// </summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>The cell as text, as every reader gives it back: numbers invariant, null empty.</summary>
    public static string Text(object? cell) => cell switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <summary>The same table with every cell as text: what a reader returns.</summary>
    public ExportTable AsText() => this with { Rows = Rows.Select(r => (IReadOnlyList<object?>)r.Select(c => (object?)Text(c)).ToList()).ToList() };

    /// <summary>True when both tables have the same name, columns and cells (compared as text).</summary>
    public bool SameRecords(ExportTable other) =>
        Name == other.Name && Columns.SequenceEqual(other.Columns) && Rows.Count == other.Rows.Count
        && Rows.Zip(other.Rows).All(p => p.First.Select(Text).SequenceEqual(p.Second.Select(Text)));
}
