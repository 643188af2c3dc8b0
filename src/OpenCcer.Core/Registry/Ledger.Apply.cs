using System.Runtime.CompilerServices;

namespace OpenCcer.Core.Registry;

// Apply: the only code that changes the ledger. An event that does not fit the state (a replayed
// journal that was tampered with, or a bug) throws: it is never half-applied silently.
public sealed partial class Ledger
{
    /// <summary>
    /// Applies an event produced by <see cref="Execute"/> (now or when it was journaled).
    /// </summary>
    /// <exception cref="LedgerCorruptException">The event does not fit the current state.</exception>
    public void Apply(LedgerEvent e) => Apply(e, source: null, target: null);

    /// <param name="source">The holding Decide selected the event's serials from, or null to look it up.</param>
    /// <param name="target">The receiving holding of a transfer if Decide found it, or null to look it up.</param>
    private void Apply(LedgerEvent e, Holding? source, Holding? target)
    {
        switch (e)
        {
            case AccountOpened x: ApplyAccountOpened(x); break;
            case AccountStateChanged x:
                SetState(x.RegistryAccount, x.State);
                SetState(x.TradingAccount, x.State);
                break;
            case AccountFrozen x: AccountFor(x.Account).FreezeReference = x.AuthorityReference; Touch(x.Account); break;
            case AccountUnfrozen x: AccountFor(x.Account).FreezeReference = null; Touch(x.Account); break;
            case UnitsIssued x: ApplyIssued(x); break;
            case UnitsTransferred x:
                MoveAll(x.From, x.Instrument, UnitState.Available, 0, x.Ranges, x.To, UnitState.Available, 0, source, target);
                break;
            case UnitsReserved x: ApplyReserved(x, source); break;
            case ReservationReleased x: ApplyReleased(x, source); break;
            case ReservationSettled x: ApplySettled(x, source); break;
            case UnitsCancelled x: ApplyCancelled(x, source); break;
            case UnitsFrozen x: ApplyFrozen(x, source); break;
            case UnitsUnfrozen x: ApplyUnfrozen(x); break;
            default: throw new ArgumentException($"Unknown ledger event {e.GetType().Name}.", nameof(e));
        }
    }

    private Account AccountFor(AccountId id) =>
        accounts.TryGetValue(id, out var a) ? a : throw new LedgerCorruptException($"Account {id} does not exist.");

    private void Touch(AccountId id) => changes?.Accounts.Add(id);

    private void SetState(AccountId id, AccountState state)
    {
        AccountFor(id).State = state;
        Touch(id);
    }

    private static void Expect(bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref CorruptionMessage message)
    {
        if (!condition) throw new LedgerCorruptException(message.ToString());
    }

    private void ApplyAccountOpened(AccountOpened x)
    {
        Expect(x.RegistryAccount.Value == lastAccountId + 1 && x.TradingAccount.Value == lastAccountId + 2,
            $"Account ids {x.RegistryAccount}/{x.TradingAccount} out of sequence.");
        Expect(!registryAccountBySubject.ContainsKey(x.SubjectId), $"Subject {x.SubjectId} already has an account.");
        accounts.Add(x.RegistryAccount, new Account(x.RegistryAccount, AccountKind.Registry, x.TradingAccount, x.SubjectId, x.SubjectName, x.HolderType, x.At));
        accounts.Add(x.TradingAccount, new Account(x.TradingAccount, AccountKind.Trading, x.RegistryAccount, x.SubjectId, x.SubjectName, x.HolderType, x.At));
        registryAccountBySubject.Add(x.SubjectId, x.RegistryAccount);
        lastAccountId = x.TradingAccount.Value;
        Touch(x.RegistryAccount);
        Touch(x.TradingAccount);
    }

    private void ApplyIssued(UnitsIssued x)
    {
        Expect(x.Issuance.Value == lastIssuanceId + 1, $"Issuance id {x.Issuance} out of sequence.");
        Expect(x.First == lastSerialByProject.GetValueOrDefault(x.Instrument.ProjectCode) + 1 && x.Last >= x.First,
            $"Issuance {x.Issuance} serials are not contiguous with project {x.Instrument.ProjectCode}.");
        Expect(!issuanceByReference.ContainsKey(x.Reference), $"Issuance reference {x.Reference} exists.");
        AccountFor(x.Account);
        issuances.Add(x.Issuance, new Issuance(x.Issuance, x.Reference, x.Instrument, x.First, x.Last, x.Account, x.At));
        issuanceByReference.Add(x.Reference, x.Issuance);
        lastSerialByProject[x.Instrument.ProjectCode] = x.Last;
        lastIssuanceId = x.Issuance.Value;
        changes?.Issuances.Add(x.Issuance);
        var holding = HoldingFor(x.Account, x.Instrument);
        InsertAndMerge(holding.AvailableBlocks, NewBlockId(), x.Issuance, x.First, x.Last, hold: 0, isNew: true);
        holding.Add(UnitState.Available, x.Last - x.First + 1);
        changes?.Holdings.Add((x.Account, x.Instrument));
    }

    private void ApplyReserved(UnitsReserved x, Holding? source)
    {
        Expect(x.Reservation.Value == lastReservationId + 1, $"Reservation id {x.Reservation} out of sequence.");
        var quantity = Total(x.Ranges);
        reservations.Add(x.Reservation, new Reservation(x.Reservation, x.Account, x.Instrument, x.Purpose, quantity, x.At));
        lastReservationId = x.Reservation.Value;
        changes?.Reservations.Add(x.Reservation);
        MoveAll(x.Account, x.Instrument, UnitState.Available, 0, x.Ranges, x.Account, UnitState.Reserved, x.Reservation.Value, source);
    }

    private Reservation ReservationFor(ReservationId id) =>
        reservations.TryGetValue(id, out var r) ? r : throw new LedgerCorruptException($"Reservation {id} does not exist.");

    private void ApplyReleased(ReservationReleased x, Holding? source)
    {
        var r = ReservationFor(x.Reservation);
        Consume(r, Total(x.Ranges));
        MoveAll(r.Account, r.Instrument, UnitState.Reserved, r.Id.Value, x.Ranges, r.Account, UnitState.Available, 0, source);
    }

    private void ApplySettled(ReservationSettled x, Holding? source)
    {
        var r = ReservationFor(x.Reservation);
        AccountFor(x.To);
        Consume(r, Total(x.Ranges));
        MoveAll(r.Account, r.Instrument, UnitState.Reserved, r.Id.Value, x.Ranges, x.To, UnitState.Available, 0, source);
    }

    private void Consume(Reservation r, long quantity)
    {
        Expect(quantity <= r.Remaining, $"Reservation {r.Id} has {r.Remaining} units, not {quantity}.");
        r.Remaining -= quantity;
        changes?.Reservations.Add(r.Id);
    }

    private void ApplyCancelled(UnitsCancelled x, Holding? source)
    {
        Expect(x.Cancellation.Value == lastCancellationId + 1, $"Cancellation id {x.Cancellation} out of sequence.");
        cancellations.Add(x.Cancellation, new Cancellation(x.Cancellation, x.CertificateNumber, x.Account, x.Instrument, x.Purpose, x.Beneficiary, x.Ranges, x.At));
        lastCancellationId = x.Cancellation.Value;
        changes?.Cancellations.Add(x.Cancellation);
        if (x.Reservation is { } reservationId)
        {
            var r = ReservationFor(reservationId);
            Consume(r, Total(x.Ranges));
            MoveAll(x.Account, x.Instrument, UnitState.Reserved, reservationId.Value, x.Ranges, x.Account, UnitState.Cancelled, x.Cancellation.Value, source);
        }
        else
        {
            MoveAll(x.Account, x.Instrument, UnitState.Available, 0, x.Ranges, x.Account, UnitState.Cancelled, x.Cancellation.Value, source);
        }
    }

    private void ApplyFrozen(UnitsFrozen x, Holding? source)
    {
        Expect(x.Freeze.Value == lastFreezeId + 1, $"Freeze id {x.Freeze} out of sequence.");
        freezes.Add(x.Freeze, new Freeze(x.Freeze, x.Account, x.Instrument, x.AuthorityReference, Total(x.Ranges), x.At));
        lastFreezeId = x.Freeze.Value;
        changes?.Freezes.Add(x.Freeze);
        MoveAll(x.Account, x.Instrument, UnitState.Available, 0, x.Ranges, x.Account, UnitState.Frozen, x.Freeze.Value, source);
    }

    private void ApplyUnfrozen(UnitsUnfrozen x)
    {
        Expect(freezes.TryGetValue(x.Freeze, out var freeze), $"Freeze {x.Freeze} does not exist.");
        Expect(freeze!.LiftedAt is null, $"Freeze {x.Freeze} was already lifted.");
        freeze.LiftedAt = x.At;
        changes?.Freezes.Add(x.Freeze);
        var holding = HoldingFor(freeze.Account, freeze.Instrument);
        var ranges = ((IEnumerable<Block>?)holding.Find(UnitState.Frozen, freeze.Id.Value) ?? [])
            .Select(b => new SerialRange(b.Issuance, b.First, b.Last))
            .ToList();
        Expect(Total(ranges) == freeze.Quantity, $"Freeze {x.Freeze} does not hold {freeze.Quantity} units.");
        MoveAll(freeze.Account, freeze.Instrument, UnitState.Frozen, freeze.Id.Value, ranges, freeze.Account, UnitState.Available, 0, known: null);
    }

    private static long Total(IReadOnlyList<SerialRange> ranges)
    {
        long total = 0;
        for (var i = 0; i < ranges.Count; i++)
        {
            var r = ranges[i];
            Expect(r.First >= 1 && r.Last >= r.First, $"Serial range {r.First}-{r.Last} is malformed.");
            total = checked(total + r.Count);
        }
        return total;
    }

    /// <param name="knownIndex">The instrument's index when the caller has it (from the source holding), else -1.</param>
    private Holding HoldingFor(AccountId account, Instrument instrument, int knownIndex = -1)
    {
        var owner = AccountFor(account);
        var index = knownIndex;
        if (index < 0 && !instrumentIndexes.TryGetValue(instrument, out index))
        {
            index = instrumentIndexes.Count;
            instrumentIndexes.Add(instrument, index);
            instrumentsByIndex.Add(instrument);
        }
        var holding = owner.FindHolding(index);
        if (holding is not null) return holding;
        holding = new Holding(account, instrumentsByIndex[index], index) { Position = holdings.Count };
        holdings.Add(holding);
        owner.AddHolding(holding);
        return holding;
    }

    /// <summary>The next block id; the block is listed in the table once it has its place (see InsertAndMerge).</summary>
    private BlockId NewBlockId()
    {
        var id = new BlockId(checked(++lastBlockId));
        changes?.Blocks.Add(id);
        return id;
    }

    /// <param name="known">The source holding if the caller already has it; checked against the event.</param>
    /// <param name="knownTarget">The receiving holding if the caller already has it; checked likewise.</param>
    private void MoveAll(AccountId from, Instrument instrument, UnitState fromState, long fromHold,
        IReadOnlyList<SerialRange> ranges, AccountId to, UnitState toState, long toHold, Holding? known, Holding? knownTarget = null)
    {
        AccountFor(from);
        AccountFor(to);
        var source = known is not null && known.Account == from && known.Instrument == instrument ? known : null;
        source ??= FindHolding(from, instrument);
        Expect(source is not null, $"Account {from} holds no {instrument}.");
        // Reservations, cancellations and freezes move units within one holding.
        var target = to == from ? source!
            : knownTarget is not null && knownTarget.Account == to && knownTarget.InstrumentIndex == source!.InstrumentIndex ? knownTarget
            : HoldingFor(to, source!.Instrument, source.InstrumentIndex);
        for (var i = 0; i < ranges.Count; i++)
        {
            Move(source!, fromState, fromHold, ranges[i], target, toState, toHold);
        }
        changes?.Holdings.Add((from, instrument));
        changes?.Holdings.Add((to, instrument));
    }

    /// <summary>
    /// Moves one serial range out of the block that contains it, splitting that block so the parts
    /// outside the range stay where they were, then merges the moved part with adjacent equals.
    /// </summary>
    private void Move(Holding source, UnitState fromState, long fromHold, SerialRange range,
        Holding target, UnitState toState, long toHold)
    {
        var list = ListOf(source, fromState, fromHold);
        var index = list is null ? -1 : list.IndexOf(range.First);
        Expect(index >= 0, $"Serials {range.First}-{range.Last} are not {fromState} in {source.Account}/{source.Instrument}.");
        var blockId = list!.IdAt(index);
        var blockFirst = list.FirstAt(index);
        var blockLast = list.LastAt(index);
        Expect(list.IssuanceAt(index) == range.Issuance && range.Last <= blockLast,
            $"Serials {range.First}-{range.Last} are not one {fromState} block in {source.Account}/{source.Instrument}.");
        var count = range.Count;
        BlockId moved;
        var isNew = false;
        if (blockFirst == range.First && blockLast == range.Last)
        {
            list.RemoveAt(index);
            moved = blockId;
        }
        else
        {
            if (range.Last < blockLast)
            {
                // The part above the range stays: a new block right after the current one.
                var above = NewBlockId();
                list.Insert(index + 1, above, range.Issuance, range.Last + 1, blockLast, list.HoldAt(index));
                blocks.Set(above, list);
            }
            if (blockFirst < range.First)
            {
                list.SetLast(index, range.First - 1);
                changes?.Blocks.Add(blockId);
                moved = NewBlockId();
                isNew = true;
            }
            else
            {
                // The range is the low end of the block: the block itself moves and the rest stays as "above".
                list.RemoveAt(index);
                moved = blockId;
            }
        }
        changes?.Blocks.Add(moved);
        source.Add(fromState, -count);
        target.Add(toState, count);
        if (fromState == UnitState.Reserved)
        {
            if (list.Count == 0) list.Release();
        }
        else
        {
            source.Prune(fromState, fromHold);
        }
        InsertAndMerge(ListFor(target, toState, toHold), moved, range.Issuance, range.First, range.Last, toHold, isNew);
        if (source.IsEmpty) RemoveHolding(source);
    }

    /// <summary>The list of blocks of <paramref name="holding"/> in <paramref name="state"/> owned by <paramref name="hold"/>, or null.</summary>
    private BlockList? ListOf(Holding holding, UnitState state, long hold)
    {
        if (state != UnitState.Reserved) return holding.Find(state, hold);
        return reservations.TryGetValue(new ReservationId(hold), out var r) && r.Account == holding.Account
            && r.Instrument == holding.Instrument
            ? r.Blocks
            : null;
    }

    /// <summary>The list blocks moving to <paramref name="state"/> and <paramref name="hold"/> go to, made if need be.</summary>
    private BlockList ListFor(Holding holding, UnitState state, long hold)
    {
        if (state != UnitState.Reserved) return holding.Get(state, hold);
        var r = ReservationFor(new ReservationId(hold));
        Expect(r.Account == holding.Account && r.Instrument == holding.Instrument,
            $"Reservation {r.Id} is not on {holding.Account}/{holding.Instrument}.");
        if (!r.Tracked)
        {
            holding.Track(r);
            r.Tracked = true;
        }
        return r.Blocks;
    }

    private void RemoveHolding(Holding holding)
    {
        // Swap the last holding into the removed one's place: the list's order carries no meaning.
        var last = holdings[^1];
        holdings[holding.Position] = last;
        last.Position = holding.Position;
        holdings.RemoveAt(holdings.Count - 1);
        AccountFor(holding.Account).RemoveHolding(holding);
        changes?.Holdings.Add((holding.Account, holding.Instrument));
    }

    /// <summary>
    /// Puts block <paramref name="id"/> (serials <paramref name="first"/>..<paramref name="last"/>) in
    /// <paramref name="list"/> in order and merges it with adjacent blocks of the same issuance and hold:
    /// a lower neighbour takes it over, or it takes over a higher neighbour; ids that merge away are
    /// dropped. <paramref name="isNew"/> says the id is not in the block table yet.
    /// </summary>
    private void InsertAndMerge(BlockList list, BlockId id, IssuanceId issuance, long first, long last, long hold, bool isNew)
    {
        var i = list.InsertionPoint(first);
        var mergesNext = i < list.Count && list.IssuanceAt(i) == issuance && last + 1 == list.FirstAt(i) && list.HoldAt(i) == hold;
        var mergesPrevious = i > 0 && list.IssuanceAt(i - 1) == issuance && list.LastAt(i - 1) + 1 == first && list.HoldAt(i - 1) == hold;
        if (mergesNext)
        {
            var next = list.IdAt(i);
            blocks.Remove(next);
            changes?.Blocks.Add(next);
            if (mergesPrevious)
            {
                // The lower neighbour reaches over both.
                list.SetLast(i - 1, list.LastAt(i));
                list.RemoveAt(i);
            }
            else
            {
                // The block takes over its higher neighbour's slot.
                list.Replace(i, id, first);
                blocks.Set(id, list);
                return;
            }
        }
        else if (mergesPrevious)
        {
            list.SetLast(i - 1, last);
        }
        else
        {
            list.Insert(i, id, issuance, first, last, hold);
            blocks.Set(id, list);
            return;
        }
        changes?.Blocks.Add(list.IdAt(i - 1));
        if (!isNew) blocks.Remove(id);
    }
}
