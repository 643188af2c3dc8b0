using OpenCcer.Core.Lifecycle;

namespace OpenCcer.Core.Tests.Lifecycle;

public sealed class DraftBoundsTests
{
    private static readonly Actor Owner = new(Role.ProjectOwner, new OrganisationId(Guid.NewGuid()));

    [Theory]
    [InlineData(9999, 10)]
    [InlineData(2021, 0)]
    [InlineData(2021, 101)]
    public void a_crediting_period_that_cannot_end_is_an_invalid_description(int startYear, int years)
    {
        var description = new ProjectDescription("Wind", "CCER-01-002-V01", new DateOnly(2021, 1, 1),
            new CreditingPeriod(new DateOnly(startYear, 6, 1), years));
        var decision = ProjectLifecycle.Draft(Owner, new DateOnly(2026, 3, 2), new ProjectId(Guid.NewGuid()), description);
        Assert.Equal(LifecycleStatus.DescriptionInvalid, decision.Status);
        Assert.Null(decision.State);
    }
}
