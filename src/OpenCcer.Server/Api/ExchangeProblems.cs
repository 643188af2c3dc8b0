using OpenCcer.Core.Exchange;
using OpenCcer.Storage.Exchange;

namespace OpenCcer.Server.Api;

/// <summary>
/// The one table of the exchange's outcomes: each venue and market status maps to an HTTP status code and
/// a stable problem type <c>/problems/{kebab-case-status}</c>. Registry refusals map through <see cref="Problems"/>.
/// </summary>
public static class ExchangeProblems
{
    public static int HttpStatus(VenueStatus status) => status switch
    {
        VenueStatus.InstrumentNotListed or VenueStatus.NoTradingAccount => StatusCodes.Status404NotFound,
        VenueStatus.InitialPriceRequired or VenueStatus.InitialPriceInvalid or VenueStatus.AmountInvalid => StatusCodes.Status400BadRequest,
        // The bank refusing a transfer (over its limit, no such account) refuses the request; it is no server fault.
        VenueStatus.BankRefused => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status409Conflict,
    };

    public static int HttpStatus(ExchangeStatus status) => status switch
    {
        ExchangeStatus.PriceNotPositive or ExchangeStatus.PriceTickInvalid or ExchangeStatus.PriceOutsideLimit or ExchangeStatus.QuantityInvalid
            or ExchangeStatus.QuantityBelowBulkMinimum or ExchangeStatus.SideInvalid or ExchangeStatus.BiddingWindowInvalid
            or ExchangeStatus.BidBeyondReservePrice => StatusCodes.Status400BadRequest,
        ExchangeStatus.ListingNotFound or ExchangeStatus.ProposalNotFound or ExchangeStatus.BiddingNotFound => StatusCodes.Status404NotFound,
        ExchangeStatus.NotOwner or ExchangeStatus.NotCounterparty => StatusCodes.Status403Forbidden,
        ExchangeStatus.TradingCalendarUnknown => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status409Conflict,
    };

    private static string Title(VenueStatus status) => status switch
    {
        VenueStatus.InstrumentNotListed => "The instrument is not listed on the exchange.",
        VenueStatus.InstrumentNotYetTradable => "The instrument trades from the next trading day after its listing.",
        VenueStatus.NoTradingAccount => "No trading account: the subject needs a registry account and its bound trading account.",
        VenueStatus.InsufficientFunds => "Not enough available cash.",
        VenueStatus.SettlementTooEarly => "Trades settle only after the close of their trading day.",
        VenueStatus.BankRefused => "The settlement bank refused the transfer.",
        _ => Problems.TitleOf(status.ToString()),
    };

    private static string Title(ExchangeStatus status) => status switch
    {
        ExchangeStatus.OutsideSession => "Outside the trading sessions (09:30-11:30 and 13:00-15:00 China Standard Time on trading days).",
        ExchangeStatus.PriceOutsideLimit => "The price is outside the day's price band around the base price.",
        ExchangeStatus.InsufficientUnits => "Not enough available units in the trading account.",
        ExchangeStatus.InsufficientFunds => "Not enough available cash for price and fee.",
        ExchangeStatus.SelfTake => "A participant cannot take its own listing.",
        ExchangeStatus.FiveDayRule => "The instrument was traded on the other side within the last 5 trading days.",
        _ => Problems.TitleOf(status.ToString()),
    };

    public static IResult For(VenueStatus status, string? detail = null) => TypedResults.Problem(detail: detail, statusCode: HttpStatus(status),
        title: Title(status), type: Problems.TypeOf(status.ToString()),
        extensions: new Dictionary<string, object?> { ["status_code"] = status.ToString() });

    public static IResult For(ExchangeStatus status, string? detail = null) => TypedResults.Problem(detail: detail, statusCode: HttpStatus(status),
        title: Title(status), type: Problems.TypeOf(status.ToString()),
        extensions: new Dictionary<string, object?> { ["status_code"] = status.ToString() });

    /// <summary>The problem for a refused outcome, or null when it was accepted.</summary>
    public static IResult? Of(ExchangeOutcome outcome, string operationId)
    {
        if (outcome.IdempotencyConflict)
            return TypedResults.Problem(statusCode: 422, title: "Operation id already used for a different request.",
                type: Problems.IdempotencyConflict, detail: $"Operation '{operationId}' was committed with another body; choose a new operation id.");
        if (outcome.LedgerRefusal is { } ledger) return Problems.For(ledger);
        if (outcome.Status == VenueStatus.MarketRefused) return For(outcome.MarketStatus);
        return outcome.Status == VenueStatus.Ok ? null : For(outcome.Status);
    }
}
