namespace OpenCcer.Server.Web;

/// <summary>Splits a list into pages of <see cref="Explorer.PageSize"/> rows for the public lists.</summary>
public static class Paging
{
    /// <summary>
    /// The rows of page <paramref name="page"/> (1 when not given), clamped to 1..count, and the count of
    /// pages (at least 1, so an empty list has one empty page).
    /// </summary>
    public static (List<T> Rows, int Number, int Count) Page<T>(IReadOnlyCollection<T> all, int? page)
    {
        var count = Math.Max(1, (all.Count + Explorer.PageSize - 1) / Explorer.PageSize);
        var number = Math.Clamp(page ?? 1, 1, count);
        return ([.. all.Skip((number - 1) * Explorer.PageSize).Take(Explorer.PageSize)], number, count);
    }
}
