using System.Globalization;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Journal;

namespace OpenCcer.Storage.Projections;

/// <summary>
/// Rows to write (upserts) and keys to delete for one committed batch, or the full set of rows of a
/// ledger or a database for verification.
/// </summary>
public sealed class ProjectionSet
{
    public List<AccountRow> Accounts { get; } = [];
    public List<IssuanceRow> Issuances { get; } = [];
    public List<BlockRow> Blocks { get; } = [];
    public List<long> DeletedBlocks { get; } = [];
    public List<HoldingRow> Holdings { get; } = [];
    public List<(long AccountId, string ProjectCode, int Vintage)> DeletedHoldings { get; } = [];
    public List<ReservationRow> Reservations { get; } = [];
    public List<FreezeRow> Freezes { get; } = [];
    public List<CancellationRow> Cancellations { get; } = [];

    /// <summary>The rows touched by <paramref name="changes"/>, read from <paramref name="ledger"/>.</summary>
    public static ProjectionSet FromChanges(Ledger ledger, LedgerChanges changes)
    {
        var set = new ProjectionSet();
        foreach (var id in changes.Accounts) set.Accounts.Add(Row(ledger.FindAccount(id)!));
        foreach (var id in changes.Issuances) set.Issuances.Add(Row(ledger.FindIssuance(id)!));
        foreach (var id in changes.Blocks)
        {
            if (ledger.FindBlock(id) is { } block) set.Blocks.Add(Row(block));
            else set.DeletedBlocks.Add(id.Value);
        }
        foreach (var (account, instrument) in changes.Holdings)
        {
            if (ledger.FindHolding(account, instrument) is { } holding) set.Holdings.Add(Row(holding));
            else set.DeletedHoldings.Add((account.Value, instrument.ProjectCode, instrument.Vintage));
        }
        foreach (var id in changes.Reservations) set.Reservations.Add(Row(ledger.FindReservation(id)!));
        foreach (var id in changes.Freezes) set.Freezes.Add(Row(ledger.FindFreeze(id)!));
        foreach (var id in changes.Cancellations) set.Cancellations.Add(Row(ledger.FindCancellation(id)!));
        return set;
    }

    /// <summary>Every row of <paramref name="ledger"/>, in key order.</summary>
    public static ProjectionSet FromLedger(Ledger ledger)
    {
        var set = new ProjectionSet();
        set.Accounts.AddRange(ledger.Accounts.Select(Row));
        set.Issuances.AddRange(ledger.Issuances.Select(Row));
        set.Blocks.AddRange(ledger.Blocks.Select(Row));
        set.Holdings.AddRange(ledger.Holdings.Select(Row));
        set.Reservations.AddRange(ledger.Reservations.Select(Row));
        set.Freezes.AddRange(ledger.Freezes.Select(Row));
        set.Cancellations.AddRange(ledger.Cancellations.Select(Row));
        set.Sort();
        return set;
    }

    public void Sort()
    {
        Accounts.Sort((a, b) => a.Id.CompareTo(b.Id));
        Issuances.Sort((a, b) => a.Id.CompareTo(b.Id));
        Blocks.Sort((a, b) => a.Id.CompareTo(b.Id));
        Holdings.Sort((a, b) => (a.AccountId, a.ProjectCode, a.Vintage).CompareTo((b.AccountId, b.ProjectCode, b.Vintage)));
        Reservations.Sort((a, b) => a.Id.CompareTo(b.Id));
        Freezes.Sort((a, b) => a.Id.CompareTo(b.Id));
        Cancellations.Sort((a, b) => a.Id.CompareTo(b.Id));
    }

    public static AccountRow Row(Account a) => new(a.Id.Value, (int)a.Kind, a.Pair.Value, a.SubjectId, a.SubjectName,
        (int)a.HolderType, (int)a.State, a.FreezeReference, EventJson.Timestamp(a.OpenedAt));

    public static IssuanceRow Row(Issuance i) => new(i.Id.Value, i.Reference, i.Instrument.ProjectCode, i.Instrument.Vintage,
        i.First, i.Last, i.Account.Value, EventJson.Timestamp(i.IssuedAt));

    public static BlockRow Row(Block b) => new(b.Id.Value, b.Issuance.Value, b.Instrument.ProjectCode, b.Instrument.Vintage,
        b.First, b.Last, b.Account.Value, (int)b.State, b.Hold);

    public static HoldingRow Row(Holding h) => new(h.Account.Value, h.Instrument.ProjectCode, h.Instrument.Vintage,
        h.Available, h.Reserved, h.Frozen, h.Cancelled);

    public static ReservationRow Row(Reservation r) => new(r.Id.Value, r.Account.Value, r.Instrument.ProjectCode,
        r.Instrument.Vintage, r.Purpose, r.Quantity, r.Remaining, EventJson.Timestamp(r.CreatedAt));

    public static FreezeRow Row(Freeze f) => new(f.Id.Value, f.Account.Value, f.Instrument.ProjectCode, f.Instrument.Vintage,
        f.AuthorityReference, f.Quantity, EventJson.Timestamp(f.FrozenAt), f.LiftedAt is { } lifted ? EventJson.Timestamp(lifted) : null);

    public static CancellationRow Row(Cancellation c) => new(c.Id.Value, c.CertificateNumber, c.Account.Value,
        c.Instrument.ProjectCode, c.Instrument.Vintage, (int)c.Purpose, c.Beneficiary, c.Quantity.Value,
        string.Join(',', c.Ranges.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Issuance.Value}:{r.First}-{r.Last}"))),
        EventJson.Timestamp(c.CancelledAt));
}
