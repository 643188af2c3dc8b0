using OpenCcer.Core.Compliance;
using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Tests.Compliance;

public sealed class SurrenderTests
{
    private static readonly ComplianceRules Rules = ComplianceRules.Default;
    private static readonly Instrument Wind = new("SD-OW-0001", 2024);
    private static readonly ComplianceRecord Verified = new("S1", 2025, 100_000, 95_000, 0, 0);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Dictionary<string, OffsetProject> NoProjects = [];
    private static readonly HashSet<Instrument> NoneAuthorized = [];

    private static ComplianceStatus Decide(SurrenderRequest request, ComplianceRecord? record = null,
        Dictionary<string, OffsetProject>? projects = null, HashSet<Instrument>? authorized = null, DateOnly? today = null) =>
        Surrenders.Decide(Rules, record ?? Verified, request, projects ?? NoProjects, authorized ?? NoneAuthorized, today ?? Today);

    private static SurrenderRequest Offsets(long allowances, params OffsetLine[] lines) => new(2025, allowances, null, lines);

    [Fact]
    public void the_offset_limit_is_five_percent_of_the_obligation_rounded_down()
    {
        Assert.Equal(5_000, Rules.OffsetLimit(100_000));
        Assert.Equal(4, Rules.OffsetLimit(99));
        Assert.Equal(0, Rules.OffsetLimit(19));
    }

    [Fact]
    public void offsets_of_exactly_the_limit_are_accepted_and_one_tonne_more_is_refused()
    {
        Assert.Equal(ComplianceStatus.Ok, Decide(Offsets(95_000, new OffsetLine(Wind, 5_000))));
        Assert.Equal(ComplianceStatus.OffsetLimitExceeded, Decide(Offsets(94_999, new OffsetLine(Wind, 5_001))));
        var used = Verified with { OffsetsUsed = 4_000 };
        Assert.Equal(ComplianceStatus.OffsetLimitExceeded, Decide(Offsets(0, new OffsetLine(Wind, 1_001)), used));
        Assert.Equal(ComplianceStatus.Ok, Decide(Offsets(0, new OffsetLine(Wind, 1_000)), used));
    }

    [Fact]
    public void nothing_beyond_the_obligation_is_taken()
    {
        Assert.Equal(ComplianceStatus.SurrenderExceedsObligation, Decide(Offsets(100_001)));
        Assert.Equal(ComplianceStatus.SurrenderExceedsObligation, Decide(Offsets(60_000), Verified with { SurrenderedAllowances = 40_001 }));
    }

    [Fact]
    public void refusals_name_the_rule()
    {
        Assert.Equal(ComplianceStatus.EmissionsNotVerified, Decide(Offsets(1), Verified with { VerifiedEmissions = null }));
        Assert.Equal(ComplianceStatus.NothingToSurrender, Decide(Offsets(0)));
        Assert.Equal(ComplianceStatus.QuantityMustBePositive, Decide(Offsets(-1)));
        Assert.Equal(ComplianceStatus.QuantityMustBePositive, Decide(Offsets(0, new OffsetLine(Wind, 0))));
        Assert.Equal(ComplianceStatus.PeriodOutOfRange, Decide(new SurrenderRequest(2024, 1, null, [])));
        Assert.Equal(ComplianceStatus.AllowanceBorrowingNotAllowed, Decide(new SurrenderRequest(2025, 1, 2026, [])));
        Assert.Equal(ComplianceStatus.Ok, Decide(new SurrenderRequest(2025, 1, 2024, [])));
        Assert.Equal(ComplianceStatus.NotCcerUnits, Decide(Offsets(0, new OffsetLine(Instrument.Allowance(2025), 1))));
        Assert.Equal(ComplianceStatus.TooManyLines, Decide(Offsets(0, Enumerable.Repeat(new OffsetLine(Wind, 1), 51).ToArray())));
    }

    [Fact]
    public void ccers_of_projects_under_ets_coverage_are_refused()
    {
        var covered = new Dictionary<string, OffsetProject> { [Wind.ProjectCode] = new(Wind.ProjectCode, UnderEtsCoverage: true, Legacy: false) };
        Assert.Equal(ComplianceStatus.ProjectUnderEtsCoverage, Decide(Offsets(0, new OffsetLine(Wind, 1)), projects: covered));
    }

    [Fact]
    public void legacy_ccers_are_usable_until_the_end_of_2024_and_refused_after()
    {
        var legacy = new Dictionary<string, OffsetProject> { [Wind.ProjectCode] = new(Wind.ProjectCode, UnderEtsCoverage: false, Legacy: true) };
        var record = Verified with { Period = 2024 };
        var request = new SurrenderRequest(2024, 0, null, [new OffsetLine(Wind, 1)]);
        Assert.Equal(ComplianceStatus.Ok, Decide(request, record, legacy, today: new DateOnly(2024, 12, 31)));
        Assert.Equal(ComplianceStatus.LegacyUnitsExpired, Decide(request, record, legacy, today: new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void units_authorized_for_international_use_are_refused_as_offsets()
    {
        Assert.Equal(ComplianceStatus.AuthorizedForInternationalUse, Decide(Offsets(0, new OffsetLine(Wind, 1)), authorized: [Wind]));
    }

    [Fact]
    public void a_period_is_compliant_once_surrenders_cover_the_verified_emissions()
    {
        var request = Offsets(95_000, new OffsetLine(Wind, 5_000));
        var after = Surrenders.Apply(Verified, request);
        Assert.Equal((95_000L, 5_000L, 0L, true), (after.SurrenderedAllowances, after.OffsetsUsed, after.Shortfall, after.Compliant));
        Assert.Equal(100_000, Verified.Shortfall);
        Assert.False(new ComplianceRecord("S1", 2025, null, 0, 0, 0).Compliant);
    }
}
