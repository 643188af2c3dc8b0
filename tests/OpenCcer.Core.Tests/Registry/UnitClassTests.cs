using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Tests.Registry;

public sealed class UnitClassTests
{
    private readonly LedgerFixture f = new();

    [Fact]
    public void allowances_are_the_cea_instrument_and_everything_else_is_a_ccer()
    {
        Assert.Equal(UnitClass.Allowance, Instrument.Allowance(2025).UnitClass);
        Assert.Equal(new Instrument("CEA", 2025), Instrument.Allowance(2025));
        Assert.Equal(UnitClass.Ccer, LedgerFixture.Wind2024.UnitClass);
        Assert.Equal(UnitClass.Ccer, new Instrument("cea", 2025).UnitClass);
    }

    [Fact]
    public void allowances_are_surrendered_and_never_cancelled_as_offsets()
    {
        var cea = Instrument.Allowance(2025);
        f.Issue(100, f.BuyerRegistry, cea);
        Assert.Equal(LedgerStatus.PurposeNotForUnitClass,
            f.Status(new CancelUnits(f.BuyerRegistry, cea, 1, CancellationPurpose.NationalEtsOffset, "X", null)));
        Assert.Equal(LedgerStatus.PurposeNotForUnitClass,
            f.Status(new CancelUnits(f.BuyerRegistry, cea, 1, CancellationPurpose.VoluntaryPublicInterest, "X", null)));
        var surrendered = (UnitsCancelled)f.Ok(new CancelUnits(f.BuyerRegistry, cea, 60, CancellationPurpose.AllowanceSurrender, "X", null));
        Assert.Equal(60, surrendered.Ranges.Sum(r => r.Count));
        Assert.Equal(40, f.Available(f.BuyerRegistry, cea));
        f.Ok(new CancelUnits(f.BuyerRegistry, cea, 1, CancellationPurpose.Judicial, "court", null));
        f.AssertSound();
    }

    [Fact]
    public void ccers_are_never_surrendered_as_allowances()
    {
        f.Issue(10);
        Assert.Equal(LedgerStatus.PurposeNotForUnitClass,
            f.Status(new CancelUnits(f.OwnerRegistry, LedgerFixture.Wind2024, 1, CancellationPurpose.AllowanceSurrender, "X", null)));
        f.Ok(new CancelUnits(f.OwnerRegistry, LedgerFixture.Wind2024, 1, CancellationPurpose.NationalEtsOffset, "X", null));
    }

    [Fact]
    public void the_unit_class_is_not_journaled_so_event_shapes_stay_as_they_were()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Instrument.Allowance(2025));
        Assert.DoesNotContain("UnitClass", json, StringComparison.Ordinal);
    }
}
