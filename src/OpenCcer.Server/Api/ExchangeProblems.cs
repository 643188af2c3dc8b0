using OpenCcer.Application;
using OpenCcer.Core.Exchange;

namespace OpenCcer.Server.Api;

/// <summary>The exchange's refusals (<see cref="Refusals"/>) as problem details, for the market-data reads.</summary>
public static class ExchangeProblems
{
    public static IResult For(VenueStatus status, string? detail = null) => Refusals.Of(status, detail).ToProblem();
}
