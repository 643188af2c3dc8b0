using OpenCcer.Core.Exchange;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;

namespace OpenCcer.Application.Tests;

public sealed class FoundationTests
{
    [Theory]
    [InlineData("participant", Role.TradingParticipant)]
    [InlineData("trading-participant", Role.TradingParticipant)]
    [InlineData("vvb", Role.Vvb)]
    [InlineData("registry-administrator", Role.RegistryAdministrator)]
    [InlineData("", Role.Public)]
    [InlineData("somebody", Role.Public)]
    public void a_role_name_means_one_role(string name, Role role) => Assert.Equal(role, Caller.Of(name, "S").Role);

    [Fact]
    public void a_vvb_holds_accounts_and_owns_only_its_subjects()
    {
        var vvb = Caller.Of(Roles.Vvb, "91110000VVB");
        Assert.True(vvb.Owns("91110000VVB"));
        Assert.False(vvb.Owns("91110000OTHER"));
        Assert.False(Caller.Of(Roles.Regulator, "91110000VVB").Owns("91110000VVB"));
        Assert.True(Caller.Of(Roles.Regulator, null).MayRead("91110000VVB"));
    }

    [Fact]
    public void china_business_date_turns_at_sixteen_hours_utc()
    {
        Assert.Equal(new DateOnly(2026, 3, 2), ChinaClock.DateOf(new DateTimeOffset(2026, 3, 2, 15, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 3, 3), ChinaClock.DateOf(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new TimeOnly(9, 30), ChinaClock.TimeOf(ChinaClock.At(new DateOnly(2026, 3, 3), new TimeOnly(9, 30))));
    }

    [Fact]
    public void each_status_table_gives_a_kind_type_and_status_code()
    {
        var units = Refusals.Of(LedgerStatus.InsufficientUnits, existingId: 7);
        Assert.Equal(RefusalKind.Conflict, units.Kind);
        Assert.Equal("/problems/insufficient-units", units.Type);
        Assert.Equal("InsufficientUnits", units.StatusCode);
        Assert.Equal(7L, units.Facts!["existing_id"]);
        Assert.Equal(RefusalKind.Forbidden, Refusals.Of(ExchangeStatus.NotOwner).Kind);
        Assert.Equal(RefusalKind.NotFound, Refusals.Of(LedgerStatus.AccountNotFound).Kind);
        Assert.Equal(RefusalKind.Forbidden, Refusals.Of(LifecycleStatus.WrongRole).Kind);
        Assert.Equal(RefusalKind.Unprocessable, Refusals.IdempotencyConflict("op").Kind);
    }

    [Fact]
    public void fields_name_each_bad_field()
    {
        var fields = new Fields();
        fields.OperationId(null);
        fields.Quantity("quantity_tonnes", 0);
        fields.Enum<TransferReason>("reason", "gift");
        var refusal = fields.Refusal();
        Assert.Equal(RefusalKind.Invalid, refusal.Kind);
        Assert.Equal(["operation_id", "quantity_tonnes", "reason"], refusal.Errors!.Keys.Order());
        Assert.Contains("to_trading", refusal.Errors["reason"][0]);
    }
}
