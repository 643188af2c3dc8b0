namespace OpenCcer.Core.Registry;

/// <summary>
/// Ids of the records touched since the last <see cref="Ledger.TakeChanges"/>, so a store can update
/// its projections without diffing. A touched id that no longer exists in the ledger was deleted.
/// </summary>
public sealed class LedgerChanges
{
    public HashSet<AccountId> Accounts { get; } = [];
    public HashSet<IssuanceId> Issuances { get; } = [];
    public HashSet<BlockId> Blocks { get; } = [];
    public HashSet<(AccountId Account, Instrument Instrument)> Holdings { get; } = [];
    public HashSet<ReservationId> Reservations { get; } = [];
    public HashSet<FreezeId> Freezes { get; } = [];
    public HashSet<CancellationId> Cancellations { get; } = [];

    public bool IsEmpty =>
        Accounts.Count == 0 && Issuances.Count == 0 && Blocks.Count == 0 && Holdings.Count == 0 &&
        Reservations.Count == 0 && Freezes.Count == 0 && Cancellations.Count == 0;
}
