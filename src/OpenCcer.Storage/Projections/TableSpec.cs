using System.Data.Common;

namespace OpenCcer.Storage.Projections;

/// <summary>A column: its name and its PostgreSQL array element type (used for bulk writes).</summary>
public sealed record Column(string Name, string PgType);

/// <summary>
/// One projection table described once: its columns, its key, how a row becomes values and how a
/// database row becomes a record. Both providers build their SQL from it.
/// </summary>
public sealed record TableSpec<TRow>(
    string Name,
    IReadOnlyList<Column> Columns,
    IReadOnlyList<string> Keys,
    Func<TRow, object?[]> Values,
    Func<DbDataReader, TRow> Read)
{
    public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));

    public string SelectAll => $"SELECT {ColumnList} FROM {Name} ORDER BY {string.Join(", ", Keys)}";

    public string UpdateSet => string.Join(", ", Columns.Where(c => !Keys.Contains(c.Name)).Select(c => $"{c.Name} = excluded.{c.Name}"));

    public string OnConflict => $"ON CONFLICT ({string.Join(", ", Keys)}) DO UPDATE SET {UpdateSet}";
}
