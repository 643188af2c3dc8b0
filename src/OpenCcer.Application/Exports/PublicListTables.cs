using System.Text.Json;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Exports;
using OpenCcer.Storage.Lifecycle;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Application.Exports;

/// <summary>
/// The public lists of the registry as export tables: projects (once published), issuances, unit blocks
/// (without their holders), cancellations and totals. The API and <c>ccer export</c> both serve these.
/// </summary>
public static class PublicListTables
{
    public static readonly IReadOnlyList<string> Names = ["projects", "issuances", "units", "cancellations", "totals"];

    public static async Task<ExportTable?> LoadAsync(LedgerStore store, SerialFormat format, string name, CancellationToken ct) => name switch
    {
        "projects" => Projects(await PublicLists.AllAsync((limit, offset) => store.Lifecycle.ProjectsAsync(null, null, null, limit, offset, ct))),
        "issuances" => Issuances(format, await PublicLists.AllAsync((limit, offset) => store.Registry.IssuancesAsync(null, limit, offset, ct))),
        "units" => Units(format, await PublicLists.BlocksAsync(store, ct)),
        "cancellations" => Cancellations(format, await PublicLists.AllAsync((limit, offset) => store.Registry.CancellationsAsync(limit, offset, ct))),
        "totals" => Totals(await store.Registry.TotalsAsync(ct)),
        _ => null,
    };


    public static ExportTable Projects(IEnumerable<ProjectRecord> projects) => new("projects",
        ["code", "title", "methodology_code", "province", "phase", "owner_subject_id", "construction_start", "crediting_start", "crediting_years", "registered_on"],
        projects.Where(p => p.State.Phase != ProjectPhase.Draft).Select(p => (IReadOnlyList<object?>)
        [
            p.Code, p.State.Description.Title, p.State.Description.MethodologyCode, p.Province, Fields.Snake(p.State.Phase.ToString()), p.OwnerSubjectId,
            Date(p.State.Description.ConstructionStart), Date(p.State.Description.CreditingPeriod.Start), p.State.Description.CreditingPeriod.Years,
            p.State.RegisteredOn is { } d ? Date(d) : null,
        ]).ToList());

    public static ExportTable Issuances(SerialFormat format, IEnumerable<IssuanceRow> issuances) => new("issuances",
        ["id", "reference", "project_code", "vintage", "unit_class", "quantity_tonnes", "serials", "issued_at"],
        issuances.Select(i => (IReadOnlyList<object?>)
        [
            i.Id, i.Reference, i.ProjectCode, i.Vintage, Fields.Snake(new Instrument(i.ProjectCode, i.Vintage).UnitClass.ToString()),
            checked(i.Last - i.First + 1), format.Render(new Instrument(i.ProjectCode, i.Vintage), i.First, i.Last), i.IssuedAt,
        ]).ToList());

    public static ExportTable Units(SerialFormat format, IEnumerable<BlockRow> blocks) => new("units",
        ["block_id", "issuance_id", "project_code", "vintage", "unit_class", "first_serial", "last_serial", "quantity_tonnes", "serials", "state"],
        blocks.Select(b => (IReadOnlyList<object?>)
        [
            b.Id, b.IssuanceId, b.ProjectCode, b.Vintage, Fields.Snake(new Instrument(b.ProjectCode, b.Vintage).UnitClass.ToString()), b.First, b.Last,
            checked(b.Last - b.First + 1), format.Render(new Instrument(b.ProjectCode, b.Vintage), b.First, b.Last), Fields.Snake(((UnitState)b.State).ToString()),
        ]).ToList());

    public static ExportTable Cancellations(SerialFormat format, IEnumerable<CancellationRow> cancellations) => new("cancellations",
        ["certificate_number", "project_code", "vintage", "quantity_tonnes", "purpose", "beneficiary", "serials", "cancelled_at"],
        cancellations.Select(c => (IReadOnlyList<object?>)
        [
            c.CertificateNumber, c.ProjectCode, c.Vintage, c.Quantity, Fields.Snake(((CancellationPurpose)c.Purpose).ToString()), c.Beneficiary,
            string.Join(' ', SerialBlocks(format, new Instrument(c.ProjectCode, c.Vintage), c.Ranges)), c.CancelledAt,
        ]).ToList());

    public static ExportTable Totals(RegistryTotals t) => new("totals",
        ["issued_tonnes", "issuances", "held_tonnes", "in_trading_tonnes", "reserved_tonnes", "frozen_tonnes", "cancelled_tonnes", "subjects", "projects"],
        [[t.IssuedTonnes, t.Issuances, t.HeldTonnes, t.InTradingTonnes, t.ReservedTonnes, t.FrozenTonnes, t.CancelledTonnes, t.Subjects, t.Projects]]);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Stored cancellation ranges (<c>issuance:first-last,…</c>) written as serial blocks.</summary>
    public static IEnumerable<string> SerialBlocks(SerialFormat format, Instrument instrument, string ranges) =>
        ranges.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(range =>
        {
            var serials = range[(range.IndexOf(':', StringComparison.Ordinal) + 1)..];
            var dash = serials.IndexOf('-', StringComparison.Ordinal);
            return format.Render(instrument, long.Parse(serials[..dash], System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(serials[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        });
}
