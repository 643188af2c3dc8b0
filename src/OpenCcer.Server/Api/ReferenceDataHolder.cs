using System.Globalization;
using OpenCcer.Core.Methodologies;
using OpenCcer.Core.Methodologies.GridPower;
using OpenCcer.Storage;

namespace OpenCcer.Server.Api;

/// <summary>
/// The methodology reference data in force: the shipped tables plus the grid-factor years an
/// administrator has added since (stored, so they survive a restart). Swapped atomically on change.
/// </summary>
public sealed class ReferenceDataHolder
{
    private readonly SemaphoreSlim writer = new(1, 1);
    private MethodologyReferenceData current = MethodologyReferenceData.Shipped();

    public MethodologyReferenceData Current => Volatile.Read(ref current);

    public static async Task<ReferenceDataHolder> LoadAsync(LedgerStore store, CancellationToken ct = default)
    {
        var holder = new ReferenceDataHolder();
        foreach (var r in await store.Reference.GridFactorsAsync(ct))
        {
            var addition = holder.current.GridFactors.WithYear(ToRow(r));
            if (addition.Status == GridFactorAdditionStatus.Added)
                holder.current = holder.current with { GridFactors = addition.Table };
        }
        return holder;
    }

    public static GridFactorRow ToRow(GridFactorRecord r) => new(r.Grid, r.GridZh, r.Year,
        decimal.Parse(r.OmTco2PerMwh, CultureInfo.InvariantCulture), decimal.Parse(r.BmTco2PerMwh, CultureInfo.InvariantCulture),
        r.Status, r.Source);

    /// <summary>Validates and stores a new year, then makes it current.</summary>
    public async Task<GridFactorAddition> AddAsync(LedgerStore store, GridFactorRow row, string addedBy, DateTimeOffset at, CancellationToken ct)
    {
        await writer.WaitAsync(ct);
        try
        {
            var addition = Current.GridFactors.WithYear(row);
            if (addition.Status != GridFactorAdditionStatus.Added) return addition;
            var stored = await store.Reference.AddGridFactorAsync(new GridFactorRecord(row.Grid, row.GridZh, row.Year,
                row.OmTco2PerMwh.ToString(CultureInfo.InvariantCulture), row.BmTco2PerMwh.ToString(CultureInfo.InvariantCulture),
                row.Status, row.Source, at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), addedBy), ct);
            if (!stored)
                return new GridFactorAddition(GridFactorAdditionStatus.DuplicateYear, Current.GridFactors,
                    [new FieldError("year", $"{row.Grid} {row.Year} is already recorded")]);
            Volatile.Write(ref current, Current with { GridFactors = addition.Table });
            return addition;
        }
        finally
        {
            writer.Release();
        }
    }
}
