using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Tests.Registry;

/// <summary>A ledger with two subjects and helpers that assert each setup step succeeded.</summary>
internal sealed class LedgerFixture
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    public static readonly Instrument Wind2024 = new("P0001", 2024);

    public Ledger Ledger { get; } = new();
    public AccountId OwnerRegistry { get; }
    public AccountId OwnerTrading { get; }
    public AccountId BuyerRegistry { get; }
    public AccountId BuyerTrading { get; }

    public LedgerFixture()
    {
        (OwnerRegistry, OwnerTrading) = Open("91370000MA3C", "SPIC Shandong", HolderType.ProjectOwner);
        (BuyerRegistry, BuyerTrading) = Open("91110000CEMT", "Beijing Cement", HolderType.KeyEmittingUnit);
    }

    public (AccountId Registry, AccountId Trading) Open(string subject, string name, HolderType type)
    {
        var opened = (AccountOpened)Ok(new OpenAccount(subject, name, type));
        return (opened.RegistryAccount, opened.TradingAccount);
    }

    public LedgerEvent Ok(LedgerCommand command)
    {
        var result = Ledger.Execute(command, T0);
        Assert.True(result.IsOk, $"{command} was refused: {result.Status}");
        return result.Event!;
    }

    public LedgerStatus Status(LedgerCommand command) => Ledger.Execute(command, T0).Status;

    public UnitsIssued Issue(long quantity, AccountId? to = null, Instrument? instrument = null, string? reference = null) =>
        (UnitsIssued)Ok(new IssueUnits(reference ?? $"R-{Guid.NewGuid():N}", instrument ?? Wind2024, quantity, to ?? OwnerRegistry));

    public long Available(AccountId account, Instrument? instrument = null) =>
        Ledger.FindHolding(account, instrument ?? Wind2024)?.Available ?? 0;

    public void AssertSound() => Assert.Empty(Ledger.CheckInvariants());
}
