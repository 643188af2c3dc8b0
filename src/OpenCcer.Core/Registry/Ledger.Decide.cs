using System.Globalization;

namespace OpenCcer.Core.Registry;

// Decide: check a command against the state and build the event it would apply. Reads only.
public sealed partial class Ledger
{
    private LedgerResult Decide(LedgerCommand command, DateTimeOffset at) => command switch
    {
        OpenAccount c => DecideOpenAccount(c, at),
        ChangeAccountState c => DecideChangeAccountState(c, at),
        FreezeAccount c => DecideFreezeAccount(c, at),
        UnfreezeAccount c => DecideUnfreezeAccount(c, at),
        IssueUnits c => DecideIssue(c, at),
        TransferUnits c => DecideTransfer(c, at),
        ReserveUnits c => DecideReserve(c, at),
        ReleaseReservation c => DecideRelease(c, at),
        SettleReservation c => DecideSettle(c, at),
        CancelUnits c => DecideCancel(c, at),
        FreezeUnits c => DecideFreezeUnits(c, at),
        UnfreezeUnits c => DecideUnfreezeUnits(c, at),
        _ => throw new ArgumentException($"Unknown ledger command {command.GetType().Name}.", nameof(command)),
    };

    private static LedgerResult Refuse(LedgerStatus status) => new(status);

    private static LedgerStatus CheckText(string? text, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text)) return required ? LedgerStatus.TextRequired : LedgerStatus.Ok;
        return text.Length > LedgerLimits.TextLengthMax ? LedgerStatus.TextTooLong : LedgerStatus.Ok;
    }

    private static LedgerStatus CheckQuantity(long quantity) =>
        quantity <= 0 ? LedgerStatus.QuantityMustBePositive
        : quantity > LedgerLimits.QuantityMax ? LedgerStatus.QuantityTooLarge
        : LedgerStatus.Ok;

    private static LedgerStatus CheckInstrument(Instrument instrument)
    {
        var code = instrument.ProjectCode;
        if (string.IsNullOrEmpty(code) || code.Length > LedgerLimits.ProjectCodeLengthMax) return LedgerStatus.ProjectCodeInvalid;
        foreach (var ch in code)
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch != '-' && ch != '_') return LedgerStatus.ProjectCodeInvalid;
        }
        return instrument.Vintage is < LedgerLimits.VintageMin or > LedgerLimits.VintageMax
            ? LedgerStatus.VintageOutOfRange
            : LedgerStatus.Ok;
    }

    /// <summary>Can units leave this account? Court orders pass a restriction and an account freeze.</summary>
    private static LedgerStatus CheckCanSend(Account account, bool byCourt)
    {
        if (account.State == AccountState.Closed) return LedgerStatus.AccountClosed;
        if (byCourt) return LedgerStatus.Ok;
        if (account.State == AccountState.Restricted) return LedgerStatus.AccountRestricted;
        return account.IsFrozen ? LedgerStatus.AccountFrozen : LedgerStatus.Ok;
    }

    private LedgerResult DecideOpenAccount(OpenAccount c, DateTimeOffset at)
    {
        var status = First(CheckText(c.SubjectId), CheckText(c.SubjectName));
        if (status != LedgerStatus.Ok) return Refuse(status);
        if (!Enum.IsDefined(c.HolderType)) return Refuse(LedgerStatus.EnumValueInvalid);
        if (registryAccountBySubject.TryGetValue(c.SubjectId, out var existing))
        {
            var account = accounts[existing];
            return account.SubjectName == c.SubjectName && account.HolderType == c.HolderType
                ? new LedgerResult(LedgerStatus.Exists, ExistingId: existing.Value)
                : new LedgerResult(LedgerStatus.SubjectHasAccount, ExistingId: existing.Value);
        }
        var registry = new AccountId(checked(lastAccountId + 1));
        var trading = new AccountId(checked(lastAccountId + 2));
        return new(LedgerStatus.Ok, new AccountOpened(at, registry, trading, c.SubjectId, c.SubjectName, c.HolderType));
    }

    private LedgerResult DecideChangeAccountState(ChangeAccountState c, DateTimeOffset at)
    {
        if (!Enum.IsDefined(c.State)) return Refuse(LedgerStatus.EnumValueInvalid);
        var textStatus = CheckText(c.Reason);
        if (textStatus != LedgerStatus.Ok) return Refuse(textStatus);
        if (!accounts.TryGetValue(c.Account, out var account)) return Refuse(LedgerStatus.AccountNotFound);
        if (account.State == AccountState.Closed) return Refuse(LedgerStatus.AccountClosed);
        if (account.State == c.State) return Refuse(LedgerStatus.AccountStateUnchanged);
        var (registry, trading) = account.Kind == AccountKind.Registry ? (account.Id, account.Pair) : (account.Pair, account.Id);
        if (c.State == AccountState.Closed && (HoldsUnits(registry) || HoldsUnits(trading)))
            return Refuse(LedgerStatus.AccountNotEmpty);
        return new(LedgerStatus.Ok, new AccountStateChanged(at, registry, trading, c.State, c.Reason));
    }

    private bool HoldsUnits(AccountId account) =>
        HoldingsOf(account).Any(h => h.Available + h.Reserved + h.Frozen > 0);

    private LedgerResult DecideFreezeAccount(FreezeAccount c, DateTimeOffset at)
    {
        var textStatus = CheckText(c.AuthorityReference);
        if (textStatus != LedgerStatus.Ok) return Refuse(textStatus == LedgerStatus.TextRequired ? LedgerStatus.AuthorityReferenceRequired : textStatus);
        if (!accounts.TryGetValue(c.Account, out var account)) return Refuse(LedgerStatus.AccountNotFound);
        if (account.State == AccountState.Closed) return Refuse(LedgerStatus.AccountClosed);
        if (account.IsFrozen) return Refuse(LedgerStatus.AccountFrozen);
        return new(LedgerStatus.Ok, new AccountFrozen(at, c.Account, c.AuthorityReference));
    }

    private LedgerResult DecideUnfreezeAccount(UnfreezeAccount c, DateTimeOffset at)
    {
        var textStatus = CheckText(c.AuthorityReference);
        if (textStatus != LedgerStatus.Ok) return Refuse(textStatus == LedgerStatus.TextRequired ? LedgerStatus.AuthorityReferenceRequired : textStatus);
        if (!accounts.TryGetValue(c.Account, out var account)) return Refuse(LedgerStatus.AccountNotFound);
        if (!account.IsFrozen) return Refuse(LedgerStatus.AccountNotFrozen);
        return new(LedgerStatus.Ok, new AccountUnfrozen(at, c.Account, c.AuthorityReference));
    }

    private LedgerResult DecideIssue(IssueUnits c, DateTimeOffset at)
    {
        var status = First(CheckText(c.Reference), CheckInstrument(c.Instrument), CheckQuantity(c.Quantity));
        if (status != LedgerStatus.Ok) return Refuse(status);
        if (issuanceByReference.TryGetValue(c.Reference, out var existingId))
        {
            var existing = issuances[existingId];
            if (existing.Quantity.Value != c.Quantity)
                return new(LedgerStatus.ExistsWithDifferentQuantity, ExistingId: existingId.Value);
            return existing.Instrument == c.Instrument && existing.Account == c.Account
                ? new(LedgerStatus.Exists, ExistingId: existingId.Value)
                : new(LedgerStatus.ExistsWithDifferentData, ExistingId: existingId.Value);
        }
        if (!accounts.TryGetValue(c.Account, out var account)) return Refuse(LedgerStatus.AccountNotFound);
        if (account.Kind != AccountKind.Registry) return Refuse(LedgerStatus.AccountKindWrong);
        if (account.State == AccountState.Closed) return Refuse(LedgerStatus.AccountClosed);
        var last = lastSerialByProject.GetValueOrDefault(c.Instrument.ProjectCode);
        if (last > long.MaxValue - c.Quantity) return Refuse(LedgerStatus.QuantityTooLarge);
        var id = new IssuanceId(checked(lastIssuanceId + 1));
        return new(LedgerStatus.Ok, new UnitsIssued(at, id, c.Reference, c.Instrument, last + 1, last + c.Quantity, c.Account));
    }

    private LedgerResult DecideTransfer(TransferUnits c, DateTimeOffset at)
    {
        var status = First(CheckInstrument(c.Instrument), CheckQuantity(c.Quantity));
        if (status != LedgerStatus.Ok) return Refuse(status);
        if (!Enum.IsDefined(c.Reason)) return Refuse(LedgerStatus.EnumValueInvalid);
        if (!accounts.TryGetValue(c.From, out var from) || !accounts.TryGetValue(c.To, out var to))
            return Refuse(LedgerStatus.AccountNotFound);
        if (from.Id == to.Id) return Refuse(LedgerStatus.SameAccount);
        var legal = c.Reason is TransferReason.Inheritance or TransferReason.CourtEnforcement;
        if (legal)
        {
            if (from.SubjectId == to.SubjectId || from.Kind != AccountKind.Registry || to.Kind != AccountKind.Registry)
                return Refuse(LedgerStatus.TransferNotAllowed);
            var referenceStatus = CheckText(c.AuthorityReference);
            if (referenceStatus != LedgerStatus.Ok)
                return Refuse(referenceStatus == LedgerStatus.TextRequired ? LedgerStatus.AuthorityReferenceRequired : referenceStatus);
        }
        else if (from.Pair != to.Id)
        {
            // Between different holders units move only by trading or by a legal reason.
            return Refuse(from.SubjectId == to.SubjectId ? LedgerStatus.TransferNotAllowed : LedgerStatus.LegalReasonRequired);
        }
        else if ((c.Reason == TransferReason.ToTrading) != (from.Kind == AccountKind.Registry))
        {
            return Refuse(LedgerStatus.TransferNotAllowed);
        }
        else if (c.AuthorityReference is not null && CheckText(c.AuthorityReference, required: false) != LedgerStatus.Ok)
        {
            return Refuse(LedgerStatus.TextTooLong);
        }
        status = CheckCanSend(from, byCourt: c.Reason == TransferReason.CourtEnforcement);
        if (status != LedgerStatus.Ok) return Refuse(status);
        if (to.State == AccountState.Closed) return Refuse(LedgerStatus.AccountClosed);
        var source = instrumentIndexes.TryGetValue(c.Instrument, out var index) ? from.FindHolding(index) : null;
        if (source is not null && to.FindHolding(index) is { } target)
        {
            // Reading the receiving holding now lets the processor fetch both holdings' memory at once.
            target.AvailableBlocks.Prefetch();
            selectedTarget = target;
        }
        status = SelectAvailable(source, c.Quantity, out var ranges);
        if (status != LedgerStatus.Ok) return Refuse(status);
        return new(LedgerStatus.Ok, new UnitsTransferred(at, c.From, c.To, selected!.Instrument, c.Reason, c.AuthorityReference, ranges));
    }

    private LedgerResult DecideReserve(ReserveUnits c, DateTimeOffset at)
    {
        var status = First(CheckInstrument(c.Instrument), CheckQuantity(c.Quantity), CheckText(c.Purpose));
        if (status != LedgerStatus.Ok) return Refuse(status);
        if (!accounts.TryGetValue(c.Account, out var account)) return Refuse(LedgerStatus.AccountNotFound);
        status = CheckCanSend(account, byCourt: false);
        if (status != LedgerStatus.Ok) return Refuse(status);
        status = SelectAvailable(c.Account, c.Instrument, c.Quantity, out var ranges);
        if (status != LedgerStatus.Ok) return Refuse(status);
        var id = new ReservationId(checked(lastReservationId + 1));
        return new(LedgerStatus.Ok, new UnitsReserved(at, id, c.Account, selected!.Instrument, c.Purpose, ranges));
    }

    private LedgerResult DecideRelease(ReleaseReservation c, DateTimeOffset at)
    {
        if (!reservations.TryGetValue(c.Reservation, out var reservation)) return Refuse(LedgerStatus.ReservationNotFound);
        var quantity = c.Quantity ?? reservation.Remaining;
        if (reservation.Remaining == 0) return Refuse(LedgerStatus.ReservationExceeded);
        var status = CheckQuantity(quantity);
        if (status != LedgerStatus.Ok) return Refuse(status);
        if (quantity > reservation.Remaining) return Refuse(LedgerStatus.ReservationExceeded);
        var ranges = SelectHeld(reservation.Account, reservation.Instrument, UnitState.Reserved, reservation.Id.Value, quantity);
        return new(LedgerStatus.Ok, new ReservationReleased(at, c.Reservation, ranges));
    }

    private LedgerResult DecideSettle(SettleReservation c, DateTimeOffset at)
    {
        var status = CheckQuantity(c.Quantity);
        if (status != LedgerStatus.Ok) return Refuse(status);
        if (!reservations.TryGetValue(c.Reservation, out var reservation)) return Refuse(LedgerStatus.ReservationNotFound);
        if (!accounts.TryGetValue(c.To, out var to)) return Refuse(LedgerStatus.AccountNotFound);
        var from = accounts[reservation.Account];
        if (from.Kind != AccountKind.Trading || to.Kind != AccountKind.Trading) return Refuse(LedgerStatus.AccountKindWrong);
        if (from.Id == to.Id) return Refuse(LedgerStatus.SameAccount);
        status = CheckCanSend(from, byCourt: false);
        if (status != LedgerStatus.Ok) return Refuse(status);
        if (to.State == AccountState.Closed) return Refuse(LedgerStatus.AccountClosed);
        if (c.Quantity > reservation.Remaining) return Refuse(LedgerStatus.ReservationExceeded);
        var ranges = SelectHeld(reservation.Account, reservation.Instrument, UnitState.Reserved, reservation.Id.Value, c.Quantity);
        return new(LedgerStatus.Ok, new ReservationSettled(at, c.Reservation, c.To, ranges));
    }

    private LedgerResult DecideCancel(CancelUnits c, DateTimeOffset at)
    {
        var status = First(CheckInstrument(c.Instrument), CheckQuantity(c.Quantity), CheckText(c.Beneficiary));
        if (status != LedgerStatus.Ok) return Refuse(status);
        if (!Enum.IsDefined(c.Purpose)) return Refuse(LedgerStatus.EnumValueInvalid);
        if (!PurposeFits(c.Instrument.UnitClass, c.Purpose)) return Refuse(LedgerStatus.PurposeNotForUnitClass);
        if (!accounts.TryGetValue(c.Account, out var account)) return Refuse(LedgerStatus.AccountNotFound);
        if (account.Kind != AccountKind.Registry) return Refuse(LedgerStatus.AccountKindWrong);
        status = CheckCanSend(account, byCourt: c.Purpose is CancellationPurpose.Forced or CancellationPurpose.Judicial);
        if (status != LedgerStatus.Ok) return Refuse(status);
        IReadOnlyList<SerialRange> ranges;
        if (c.Reservation is { } reservationId)
        {
            if (!reservations.TryGetValue(reservationId, out var reservation) || reservation.Account != c.Account
                || reservation.Instrument != c.Instrument)
                return Refuse(LedgerStatus.ReservationNotFound);
            if (c.Quantity > reservation.Remaining) return Refuse(LedgerStatus.ReservationExceeded);
            ranges = SelectHeld(c.Account, c.Instrument, UnitState.Reserved, reservationId.Value, c.Quantity);
        }
        else
        {
            status = SelectAvailable(c.Account, c.Instrument, c.Quantity, out ranges);
            if (status != LedgerStatus.Ok) return Refuse(status);
        }
        var id = new CancellationId(checked(lastCancellationId + 1));
        var certificate = string.Create(CultureInfo.InvariantCulture, $"CCER-CN-{at.UtcDateTime.Year}-{id.Value:D8}");
        return new(LedgerStatus.Ok, new UnitsCancelled(at, id, certificate, c.Account, selected!.Instrument, c.Purpose, c.Beneficiary, c.Reservation, ranges));
    }

    /// <summary>Allowances are surrendered, never used as offsets; CCERs are never surrendered as allowances.</summary>
    private static bool PurposeFits(UnitClass unitClass, CancellationPurpose purpose) =>
        purpose is CancellationPurpose.Forced or CancellationPurpose.Judicial
        || (unitClass == UnitClass.Allowance) == (purpose == CancellationPurpose.AllowanceSurrender);

    private LedgerResult DecideFreezeUnits(FreezeUnits c, DateTimeOffset at)
    {
        var status = CheckInstrument(c.Instrument);
        if (status != LedgerStatus.Ok) return Refuse(status);
        var referenceStatus = CheckText(c.AuthorityReference);
        if (referenceStatus != LedgerStatus.Ok)
            return Refuse(referenceStatus == LedgerStatus.TextRequired ? LedgerStatus.AuthorityReferenceRequired : referenceStatus);
        if (!accounts.TryGetValue(c.Account, out var account)) return Refuse(LedgerStatus.AccountNotFound);
        if (account.State == AccountState.Closed) return Refuse(LedgerStatus.AccountClosed);
        IReadOnlyList<SerialRange> ranges;
        if (c.First is { } first && c.Last is { } last)
        {
            if (first < 1 || last < first) return Refuse(LedgerStatus.UnitsNotHeld);
            status = CheckQuantity(checked(last - first + 1));
            if (status != LedgerStatus.Ok) return Refuse(status);
            status = SelectRange(c.Account, c.Instrument, first, last, out ranges);
            if (status != LedgerStatus.Ok) return Refuse(status);
        }
        else if (c.First is null && c.Last is null && c.Quantity is { } quantity)
        {
            status = CheckQuantity(quantity);
            if (status != LedgerStatus.Ok) return Refuse(status);
            status = SelectAvailable(c.Account, c.Instrument, quantity, out ranges);
            if (status != LedgerStatus.Ok) return Refuse(status);
        }
        else
        {
            return Refuse(LedgerStatus.QuantityMustBePositive);
        }
        var id = new FreezeId(checked(lastFreezeId + 1));
        return new(LedgerStatus.Ok, new UnitsFrozen(at, id, c.Account, selected!.Instrument, c.AuthorityReference, ranges));
    }

    private LedgerResult DecideUnfreezeUnits(UnfreezeUnits c, DateTimeOffset at)
    {
        var referenceStatus = CheckText(c.AuthorityReference);
        if (referenceStatus != LedgerStatus.Ok)
            return Refuse(referenceStatus == LedgerStatus.TextRequired ? LedgerStatus.AuthorityReferenceRequired : referenceStatus);
        if (!freezes.TryGetValue(c.Freeze, out var freeze)) return Refuse(LedgerStatus.FreezeNotFound);
        if (freeze.LiftedAt is not null) return Refuse(LedgerStatus.FreezeAlreadyLifted);
        return new(LedgerStatus.Ok, new UnitsUnfrozen(at, c.Freeze, c.AuthorityReference));
    }

    private static LedgerStatus First(params ReadOnlySpan<LedgerStatus> statuses)
    {
        foreach (var s in statuses)
        {
            if (s != LedgerStatus.Ok) return s;
        }
        return LedgerStatus.Ok;
    }

    /// <summary>
    /// Picks <paramref name="quantity"/> available units, highest serials first, so that a split
    /// block leaves its low end with the holder. Distinguishes frozen units from missing ones.
    /// </summary>
    private LedgerStatus SelectAvailable(AccountId account, Instrument instrument, long quantity, out IReadOnlyList<SerialRange> ranges) =>
        SelectAvailable(FindHolding(account, instrument), quantity, out ranges);

    private LedgerStatus SelectAvailable(Holding? holding, long quantity, out IReadOnlyList<SerialRange> ranges)
    {
        ranges = [];
        if (holding is null || holding.Available < quantity)
        {
            var frozen = holding?.Frozen ?? 0;
            return holding is not null && holding.Available + frozen >= quantity && frozen > 0
                ? LedgerStatus.UnitsFrozen
                : LedgerStatus.InsufficientUnits;
        }
        ranges = SelectHeld(holding, UnitState.Available, 0, quantity);
        return LedgerStatus.Ok;
    }

    private SerialRange[] SelectHeld(AccountId account, Instrument instrument, UnitState state, long hold, long quantity) =>
        SelectHeld(FindHolding(account, instrument) ?? throw new InvalidOperationException($"Account {account} holds no {instrument}."), state, hold, quantity);

    /// <summary>The highest <paramref name="quantity"/> serials of one list of the holding, in as many ranges as blocks.</summary>
    private SerialRange[] SelectHeld(Holding holding, UnitState state, long hold, long quantity)
    {
        selected = holding;
        var list = ListOf(holding, state, hold)
            ?? throw new InvalidOperationException($"Holding {holding.Account}/{holding.Instrument} counts disagree with its blocks.");
        // Count the blocks first so the ranges fit one exact array (most commands take from one block).
        var blockCount = 0;
        var covered = 0L;
        for (var i = list.Count - 1; i >= 0 && covered < quantity; i--)
        {
            covered = checked(covered + list.CountAt(i));
            blockCount++;
        }
        if (covered < quantity) throw new InvalidOperationException($"Holding {holding.Account}/{holding.Instrument} counts disagree with its blocks.");
        var picked = new SerialRange[blockCount];
        var remaining = quantity;
        for (var k = 0; k < blockCount; k++)
        {
            var i = list.Count - 1 - k;
            var last = list.LastAt(i);
            var take = Math.Min(remaining, list.CountAt(i));
            picked[k] = new SerialRange(list.IssuanceAt(i), last - take + 1, last);
            remaining -= take;
        }
        return picked;
    }

    /// <summary>The explicit serials <paramref name="first"/>..<paramref name="last"/>, all available here.</summary>
    private LedgerStatus SelectRange(AccountId account, Instrument instrument, long first, long last, out IReadOnlyList<SerialRange> ranges)
    {
        ranges = [];
        var holding = FindHolding(account, instrument);
        if (holding is null) return LedgerStatus.UnitsNotHeld;
        selected = holding;
        var picked = new List<SerialRange>();
        var serial = first;
        while (serial <= last)
        {
            var index = holding.AvailableBlocks.IndexOf(serial);
            if (index < 0)
            {
                var current = serial;
                return holding.FrozenBlocks().Any(f => f.First <= current && current <= f.Last)
                    ? LedgerStatus.UnitsFrozen
                    : LedgerStatus.UnitsNotHeld;
            }
            var b = holding.AvailableBlocks[index];
            var end = Math.Min(b.Last, last);
            picked.Add(new SerialRange(b.Issuance, serial, end));
            if (end == long.MaxValue) break;
            serial = end + 1;
        }
        ranges = picked;
        return LedgerStatus.Ok;
    }
}
