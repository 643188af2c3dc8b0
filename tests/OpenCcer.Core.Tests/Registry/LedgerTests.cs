using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Tests.Registry;

public sealed class LedgerTests
{
    private readonly LedgerFixture f = new();

    [Fact]
    public void opening_an_account_creates_a_registry_and_a_bound_trading_account()
    {
        var registry = f.Ledger.FindAccount(f.OwnerRegistry)!;
        var trading = f.Ledger.FindAccount(f.OwnerTrading)!;
        Assert.Equal(AccountKind.Registry, registry.Kind);
        Assert.Equal(AccountKind.Trading, trading.Kind);
        Assert.Equal(trading.Id, registry.Pair);
        Assert.Equal(registry.Id, trading.Pair);
        Assert.Equal(AccountState.Active, registry.State);
    }

    [Fact]
    public void a_subject_has_one_account_only()
    {
        Assert.Equal(LedgerStatus.Exists, f.Status(new OpenAccount("91370000MA3C", "SPIC Shandong", HolderType.ProjectOwner)));
        Assert.Equal(LedgerStatus.SubjectHasAccount, f.Status(new OpenAccount("91370000MA3C", "Other name", HolderType.ProjectOwner)));
        Assert.Equal(4, f.Ledger.Accounts.Count);
    }

    [Fact]
    public void issuance_numbers_serials_contiguously_per_project()
    {
        var first = f.Issue(1000);
        var second = f.Issue(500, instrument: new Instrument("P0001", 2025));
        var other = f.Issue(10, instrument: new Instrument("P0002", 2025));
        Assert.Equal((1, 1000), (first.First, first.Last));
        Assert.Equal((1001, 1500), (second.First, second.Last));
        Assert.Equal((1, 10), (other.First, other.Last));
        Assert.Equal("CCER-P0001-2025-1001-1500", SerialFormat.Default.Render(second.Instrument, second.First, second.Last));
        f.AssertSound();
    }

    [Theory]
    [InlineData(1000, "P0001", 2024, LedgerStatus.Exists)]
    [InlineData(999, "P0001", 2024, LedgerStatus.ExistsWithDifferentQuantity)]
    [InlineData(1000, "P0001", 2025, LedgerStatus.ExistsWithDifferentData)]
    public void issuing_the_same_reference_again_reports_what_exists(long quantity, string project, int vintage, LedgerStatus expected)
    {
        f.Issue(1000, reference: "REDUCTION-7");
        Assert.Equal(expected, f.Status(new IssueUnits("REDUCTION-7", new Instrument(project, vintage), quantity, f.OwnerRegistry)));
        Assert.Single(f.Ledger.Issuances);
    }

    [Theory]
    [InlineData(0, "P0001", 2024, LedgerStatus.QuantityMustBePositive)]
    [InlineData(-1, "P0001", 2024, LedgerStatus.QuantityMustBePositive)]
    [InlineData(long.MaxValue, "P0001", 2024, LedgerStatus.QuantityTooLarge)]
    [InlineData(10, "", 2024, LedgerStatus.ProjectCodeInvalid)]
    [InlineData(10, "P 1", 2024, LedgerStatus.ProjectCodeInvalid)]
    [InlineData(10, "P0001", 1999, LedgerStatus.VintageOutOfRange)]
    [InlineData(10, "P0001", 2101, LedgerStatus.VintageOutOfRange)]
    public void issuance_refuses_bad_shapes(long quantity, string project, int vintage, LedgerStatus expected)
    {
        Assert.Equal(expected, f.Status(new IssueUnits("R1", new Instrument(project, vintage), quantity, f.OwnerRegistry)));
        Assert.Empty(f.Ledger.Issuances);
    }

    [Fact]
    public void issuance_goes_only_to_an_existing_open_registry_account()
    {
        Assert.Equal(LedgerStatus.AccountNotFound, f.Status(new IssueUnits("R1", LedgerFixture.Wind2024, 10, new AccountId(99))));
        Assert.Equal(LedgerStatus.AccountKindWrong, f.Status(new IssueUnits("R1", LedgerFixture.Wind2024, 10, f.OwnerTrading)));
    }

    [Fact]
    public void a_partial_transfer_splits_the_block_and_the_source_keeps_the_low_end()
    {
        f.Issue(100);
        var moved = (UnitsTransferred)f.Ok(new TransferUnits(f.OwnerRegistry, f.OwnerTrading, LedgerFixture.Wind2024, 30, TransferReason.ToTrading, null));
        Assert.Equal([new SerialRange(new IssuanceId(1), 71, 100)], moved.Ranges);
        var kept = Assert.Single(f.Ledger.FindHolding(f.OwnerRegistry, LedgerFixture.Wind2024)!.Blocks);
        Assert.Equal((1, 70), (kept.First, kept.Last));
        Assert.Equal(30, f.Available(f.OwnerTrading));
        f.AssertSound();
    }

    [Fact]
    public void moving_units_back_merges_the_blocks_again()
    {
        f.Issue(100);
        f.Ok(new TransferUnits(f.OwnerRegistry, f.OwnerTrading, LedgerFixture.Wind2024, 30, TransferReason.ToTrading, null));
        f.Ok(new TransferUnits(f.OwnerTrading, f.OwnerRegistry, LedgerFixture.Wind2024, 30, TransferReason.FromTrading, null));
        var block = Assert.Single(f.Ledger.FindHolding(f.OwnerRegistry, LedgerFixture.Wind2024)!.Blocks);
        Assert.Equal((1, 100), (block.First, block.Last));
        Assert.Single(f.Ledger.Blocks);
        f.AssertSound();
    }

    [Fact]
    public void transfers_between_holders_need_a_legal_reason_and_an_authority_reference()
    {
        f.Issue(100);
        Assert.Equal(LedgerStatus.LegalReasonRequired,
            f.Status(new TransferUnits(f.OwnerRegistry, f.BuyerRegistry, LedgerFixture.Wind2024, 10, TransferReason.ToTrading, null)));
        Assert.Equal(LedgerStatus.AuthorityReferenceRequired,
            f.Status(new TransferUnits(f.OwnerRegistry, f.BuyerRegistry, LedgerFixture.Wind2024, 10, TransferReason.Inheritance, " ")));
        Assert.Equal(LedgerStatus.TransferNotAllowed,
            f.Status(new TransferUnits(f.OwnerRegistry, f.BuyerTrading, LedgerFixture.Wind2024, 10, TransferReason.CourtEnforcement, "(2025)京01执123号")));
        f.Ok(new TransferUnits(f.OwnerRegistry, f.BuyerRegistry, LedgerFixture.Wind2024, 10, TransferReason.CourtEnforcement, "(2025)京01执123号"));
        Assert.Equal(10, f.Available(f.BuyerRegistry));
        f.AssertSound();
    }

    [Fact]
    public void trading_transfers_go_only_between_a_subjects_own_pair_in_the_right_direction()
    {
        f.Issue(100);
        Assert.Equal(LedgerStatus.TransferNotAllowed,
            f.Status(new TransferUnits(f.OwnerRegistry, f.OwnerTrading, LedgerFixture.Wind2024, 10, TransferReason.FromTrading, null)));
        Assert.Equal(LedgerStatus.SameAccount,
            f.Status(new TransferUnits(f.OwnerRegistry, f.OwnerRegistry, LedgerFixture.Wind2024, 10, TransferReason.ToTrading, null)));
        Assert.Equal(LedgerStatus.InsufficientUnits,
            f.Status(new TransferUnits(f.OwnerRegistry, f.OwnerTrading, LedgerFixture.Wind2024, 101, TransferReason.ToTrading, null)));
    }

    [Fact]
    public void restricted_or_frozen_accounts_cannot_send_but_court_enforcement_can()
    {
        f.Issue(100);
        f.Ok(new FreezeAccount(f.OwnerRegistry, "(2025)沪01执保1号"));
        Assert.Equal(LedgerStatus.AccountFrozen,
            f.Status(new TransferUnits(f.OwnerRegistry, f.OwnerTrading, LedgerFixture.Wind2024, 10, TransferReason.ToTrading, null)));
        Assert.Equal(LedgerStatus.AccountFrozen,
            f.Status(new CancelUnits(f.OwnerRegistry, LedgerFixture.Wind2024, 10, CancellationPurpose.VoluntaryPublicInterest, "Public", null)));
        f.Ok(new TransferUnits(f.OwnerRegistry, f.BuyerRegistry, LedgerFixture.Wind2024, 10, TransferReason.CourtEnforcement, "(2025)沪01执1号"));
        f.Ok(new UnfreezeAccount(f.OwnerRegistry, "(2025)沪01执保1号-解"));
        f.Ok(new ChangeAccountState(f.OwnerRegistry, AccountState.Restricted, "Late annual fee"));
        Assert.Equal(AccountState.Restricted, f.Ledger.FindAccount(f.OwnerTrading)!.State);
        Assert.Equal(LedgerStatus.AccountRestricted,
            f.Status(new ReserveUnits(f.OwnerRegistry, LedgerFixture.Wind2024, 10, "cancellation request")));
        f.AssertSound();
    }

    [Fact]
    public void only_an_empty_account_can_be_closed_and_a_closed_account_receives_nothing()
    {
        f.Issue(100);
        Assert.Equal(LedgerStatus.AccountNotEmpty, f.Status(new ChangeAccountState(f.OwnerTrading, AccountState.Closed, "owner request")));
        f.Ok(new ChangeAccountState(f.BuyerRegistry, AccountState.Closed, "merged"));
        Assert.Equal(LedgerStatus.AccountClosed, f.Status(new IssueUnits("R2", LedgerFixture.Wind2024, 1, f.BuyerRegistry)));
        Assert.Equal(LedgerStatus.AccountClosed, f.Status(new ChangeAccountState(f.BuyerRegistry, AccountState.Active, "reopen")));
    }

    [Fact]
    public void frozen_units_cannot_move_until_the_freeze_is_lifted()
    {
        f.Issue(100);
        var frozen = (UnitsFrozen)f.Ok(new FreezeUnits(f.OwnerRegistry, LedgerFixture.Wind2024, null, 11, 20, "(2025)京02执保9号"));
        Assert.Equal(90, f.Available(f.OwnerRegistry));
        Assert.Equal(LedgerStatus.UnitsFrozen,
            f.Status(new TransferUnits(f.OwnerRegistry, f.OwnerTrading, LedgerFixture.Wind2024, 91, TransferReason.ToTrading, null)));
        Assert.Equal(LedgerStatus.UnitsFrozen,
            f.Status(new FreezeUnits(f.OwnerRegistry, LedgerFixture.Wind2024, null, 15, 25, "again")));
        f.AssertSound();
        f.Ok(new UnfreezeUnits(frozen.Freeze, "lifted"));
        Assert.Equal(LedgerStatus.FreezeAlreadyLifted, f.Status(new UnfreezeUnits(frozen.Freeze, "lifted")));
        Assert.Single(f.Ledger.Blocks);
        f.AssertSound();
    }

    [Fact]
    public void reservations_hold_units_and_are_released_settled_or_cancelled()
    {
        f.Issue(100);
        f.Ok(new TransferUnits(f.OwnerRegistry, f.OwnerTrading, LedgerFixture.Wind2024, 60, TransferReason.ToTrading, null));
        var sell = (UnitsReserved)f.Ok(new ReserveUnits(f.OwnerTrading, LedgerFixture.Wind2024, 50, "order 1"));
        Assert.Equal(10, f.Available(f.OwnerTrading));
        Assert.Equal(LedgerStatus.InsufficientUnits, f.Status(new ReserveUnits(f.OwnerTrading, LedgerFixture.Wind2024, 11, "order 2")));
        f.Ok(new SettleReservation(sell.Reservation, f.BuyerTrading, 20));
        Assert.Equal(LedgerStatus.ReservationExceeded, f.Status(new SettleReservation(sell.Reservation, f.BuyerTrading, 31)));
        Assert.Equal(LedgerStatus.AccountKindWrong, f.Status(new SettleReservation(sell.Reservation, f.BuyerRegistry, 1)));
        f.Ok(new ReleaseReservation(sell.Reservation, null));
        Assert.Equal(40, f.Available(f.OwnerTrading));
        Assert.Equal(20, f.Available(f.BuyerTrading));
        Assert.Equal(0, f.Ledger.FindReservation(sell.Reservation)!.Remaining);

        var request = (UnitsReserved)f.Ok(new ReserveUnits(f.OwnerRegistry, LedgerFixture.Wind2024, 15, "cancellation request"));
        var cancelled = (UnitsCancelled)f.Ok(new CancelUnits(f.OwnerRegistry, LedgerFixture.Wind2024, 15, CancellationPurpose.CorporateOffset, "SPIC 2025 offices", request.Reservation));
        Assert.Equal(15, f.Ledger.FindCancellation(cancelled.Cancellation)!.Quantity.Value);
        Assert.Equal("CCER-CN-2025-00000001", cancelled.CertificateNumber);
        f.AssertSound();
    }

    [Fact]
    public void cancelled_units_never_move_again()
    {
        f.Issue(10);
        f.Ok(new CancelUnits(f.OwnerRegistry, LedgerFixture.Wind2024, 10, CancellationPurpose.NationalEtsOffset, "Beijing Cement 2025", null));
        Assert.Equal(LedgerStatus.InsufficientUnits,
            f.Status(new TransferUnits(f.OwnerRegistry, f.OwnerTrading, LedgerFixture.Wind2024, 1, TransferReason.ToTrading, null)));
        Assert.Equal(LedgerStatus.UnitsNotHeld,
            f.Status(new FreezeUnits(f.OwnerRegistry, LedgerFixture.Wind2024, null, 1, 1, "court")));
        Assert.Equal(LedgerStatus.InsufficientUnits,
            f.Status(new CancelUnits(f.OwnerRegistry, LedgerFixture.Wind2024, 1, CancellationPurpose.Judicial, "court", null)));
        var balance = f.Ledger.Balances()[new IssuanceId(1)];
        Assert.Equal(new UnitBalance(10, 0, 0, 0, 0, 10), balance);
    }

    [Fact]
    public void cancellation_happens_only_in_a_registry_account_and_needs_a_beneficiary()
    {
        f.Issue(10);
        Assert.Equal(LedgerStatus.AccountKindWrong,
            f.Status(new CancelUnits(f.OwnerTrading, LedgerFixture.Wind2024, 1, CancellationPurpose.CorporateOffset, "X", null)));
        Assert.Equal(LedgerStatus.TextRequired,
            f.Status(new CancelUnits(f.OwnerRegistry, LedgerFixture.Wind2024, 1, CancellationPurpose.CorporateOffset, "", null)));
        Assert.Equal(LedgerStatus.EnumValueInvalid,
            f.Status(new CancelUnits(f.OwnerRegistry, LedgerFixture.Wind2024, 1, (CancellationPurpose)99, "X", null)));
    }

    [Fact]
    public void a_refused_command_changes_nothing()
    {
        f.Issue(100);
        var before = f.Ledger.StateHash();
        f.Status(new TransferUnits(f.OwnerRegistry, f.OwnerTrading, LedgerFixture.Wind2024, 101, TransferReason.ToTrading, null));
        f.Status(new FreezeUnits(f.OwnerRegistry, LedgerFixture.Wind2024, null, 90, 120, "court"));
        Assert.Equal(before, f.Ledger.StateHash());
    }

    [Fact]
    public void replaying_the_events_reproduces_the_state_hash()
    {
        var events = new List<LedgerEvent>();
        var ledger = new Ledger();
        void Run(LedgerCommand c) => events.Add(ledger.Execute(c, LedgerFixture.T0).Event ?? throw new InvalidOperationException(c.ToString()));
        Run(new OpenAccount("S1", "One", HolderType.ProjectOwner));
        Run(new IssueUnits("R1", LedgerFixture.Wind2024, 100, new AccountId(1)));
        Run(new TransferUnits(new AccountId(1), new AccountId(2), LedgerFixture.Wind2024, 40, TransferReason.ToTrading, null));
        Run(new FreezeUnits(new AccountId(1), LedgerFixture.Wind2024, 5, null, null, "court"));
        var replayed = new Ledger();
        foreach (var e in events) replayed.Apply(e);
        Assert.Equal(ledger.StateHash(), replayed.StateHash());
    }

    [Fact]
    public void applying_an_event_that_does_not_fit_throws()
    {
        var ledger = new Ledger();
        Assert.Throws<LedgerCorruptException>(() => ledger.Apply(new UnitsIssued(LedgerFixture.T0, new IssuanceId(1), "R", LedgerFixture.Wind2024, 1, 10, new AccountId(1))));
    }
}
