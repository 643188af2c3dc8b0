namespace OpenCcer.Core.Exchange;

/// <summary>
/// Outcome of one exchange command. Ordered and stable: values are stored and mapped to HTTP problem
/// types and CLI exit codes; add new values at the end of their group, never renumber. Every refusal
/// leaves the market exactly as it was.
/// </summary>
public enum ExchangeStatus
{
    Ok = 0,

    // Time and market state.
    OutsideSession = 10,
    TradingCalendarUnknown = 11,
    InstrumentSuspended = 12,
    InstrumentNotSuspended = 13,

    // Shape of the command.
    PriceNotPositive = 20,
    PriceTickInvalid = 21,
    PriceOutsideLimit = 22,
    QuantityInvalid = 23,
    QuantityBelowBulkMinimum = 24,
    OrderIdNotAscending = 25,
    SideInvalid = 26,

    // Listings (挂牌协议).
    ListingNotFound = 30,
    ListingExhausted = 31,
    SelfTake = 32,
    TooManyOpenListings = 33,
    CrossesOppositeListing = 34,
    NotOwner = 35,

    // Pre-trade checks (T 18).
    InsufficientUnits = 40,
    InsufficientFunds = 41,

    // Risk controls (T 29, T 36-44).
    FiveDayRule = 50,
    PositionLimit = 51,
    SubjectRestricted = 52,
    SubjectNotRestricted = 53,

    // Bulk agreements (大宗协议).
    ProposalNotFound = 60,
    NotCounterparty = 61,

    // One-way bidding (单向竞价).
    BiddingNotFound = 70,
    BiddingWindowInvalid = 71,
    OutsideBiddingWindow = 72,
    BidBeyondReservePrice = 73,
    BiddingNotEnded = 74,
    TooManyBids = 75,

    // Trading day.
    DayNotOpen = 80,
    DayAlreadyClosed = 81,
    CloseTooEarly = 82,
}
