namespace OpenCcer.Core.Registry;

/// <summary>
/// The registry ledger: accounts, issuances, serial blocks, reservations, freezes and cancellations,
/// held in memory. Deterministic and free of I/O and clocks: <see cref="Execute"/> checks a command
/// against the state and, when accepted, applies the one event it yields; <see cref="Apply"/> replays a
/// journaled event. Not thread-safe: one writer owns a ledger.
/// </summary>
public sealed partial class Ledger
{
    private readonly SequentialTable<AccountId, Account> accounts = new();
    private readonly Dictionary<string, AccountId> registryAccountBySubject = new(StringComparer.Ordinal);
    private readonly Dictionary<IssuanceId, Issuance> issuances = [];
    private readonly Dictionary<string, IssuanceId> issuanceByReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> lastSerialByProject = new(StringComparer.Ordinal);
    // Holdings hang off their account (see Account), found by a small integer per instrument.
    private readonly Dictionary<Instrument, int> instrumentIndexes = [];
    // The first instance of each instrument seen, by index: holdings and the events Execute builds share
    // it, so comparing an event's instrument with a holding's finds the same string and reads no text.
    private readonly List<Instrument> instrumentsByIndex = [];
    private readonly List<Holding> holdings = [];
    private readonly BlockTable blocks = new();
    private readonly SequentialTable<ReservationId, Reservation> reservations = new();
    private readonly Dictionary<FreezeId, Freeze> freezes = [];
    private readonly Dictionary<CancellationId, Cancellation> cancellations = [];
    private long lastAccountId;
    private long lastIssuanceId;
    private long lastBlockId;
    private long lastReservationId;
    private long lastFreezeId;
    private long lastCancellationId;
    private LedgerChanges? changes;

    // The holding the current Decide selected serials from. Execute hands it to Apply, so one command
    // finds its source holding once; Apply checks it matches the event before trusting it. The event
    // names the holding's instrument instance (equal to the command's).
    private Holding? selected;

    // The holding a transfer's Decide found for the receiving account, handed to Apply the same way.
    private Holding? selectedTarget;

    /// <summary>When true, touched ids are collected for <see cref="TakeChanges"/>.</summary>
    public bool TrackChanges
    {
        get => changes is not null;
        set => changes = value ? changes ?? new LedgerChanges() : null;
    }

    /// <summary>Returns the ids touched since the last call and starts a new set.</summary>
    public LedgerChanges TakeChanges()
    {
        var taken = changes ?? new LedgerChanges();
        if (changes is not null) changes = new LedgerChanges();
        return taken;
    }

    public IReadOnlyCollection<Account> Accounts => accounts.View;
    public IReadOnlyCollection<Issuance> Issuances => issuances.Values;
    public IReadOnlyCollection<Block> Blocks => blocks;
    public IReadOnlyCollection<Holding> Holdings => holdings.AsReadOnly();
    public IReadOnlyCollection<Reservation> Reservations => reservations.View;
    public IReadOnlyCollection<Freeze> Freezes => freezes.Values;
    public IReadOnlyCollection<Cancellation> Cancellations => cancellations.Values;

    public Account? FindAccount(AccountId id) => accounts.GetValueOrDefault(id);

    public Account? FindRegistryAccountOf(string subjectId) =>
        registryAccountBySubject.TryGetValue(subjectId, out var id) ? accounts[id] : null;

    public Issuance? FindIssuance(IssuanceId id) => issuances.GetValueOrDefault(id);

    public Block? FindBlock(BlockId id) => blocks.GetValueOrDefault(id);

    public Holding? FindHolding(AccountId account, Instrument instrument) =>
        accounts.TryGetValue(account, out var a) && instrumentIndexes.TryGetValue(instrument, out var index)
            ? a.FindHolding(index)
            : null;

    public IReadOnlyList<Holding> HoldingsOf(AccountId account) =>
        accounts.TryGetValue(account, out var a) ? a.Holdings : [];

    public Reservation? FindReservation(ReservationId id) => reservations.GetValueOrDefault(id);

    public Freeze? FindFreeze(FreezeId id) => freezes.GetValueOrDefault(id);

    public Cancellation? FindCancellation(CancellationId id) => cancellations.GetValueOrDefault(id);

    /// <summary>
    /// Checks <paramref name="command"/> and, when it is accepted, applies its event. A refused command
    /// changes nothing. <paramref name="at"/> is the time the caller stamps on the event.
    /// </summary>
    public LedgerResult Execute(LedgerCommand command, DateTimeOffset at)
    {
        selected = null;
        selectedTarget = null;
        var result = Decide(command, at);
        if (result.Event is not null) Apply(result.Event, selected, selectedTarget);
        selected = null;
        selectedTarget = null;
        return result;
    }
}
