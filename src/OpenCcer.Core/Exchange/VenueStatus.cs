namespace OpenCcer.Core.Exchange;

/// <summary>
/// Outcome of one command to the <see cref="TradingVenue"/>. <see cref="MarketRefused"/> means the
/// instrument's market refused it: the <see cref="ExchangeStatus"/> of the result says why. Ordered and
/// stable: stored and mapped to problem types; add new values at the end, never renumber.
/// </summary>
public enum VenueStatus
{
    Ok = 0,
    MarketRefused = 1,

    // Instruments.
    InstrumentNotListed = 10,
    InstrumentNotYetTradable = 11,
    InitialPriceRequired = 12,
    InitialPriceInvalid = 13,

    // Cash.
    AmountInvalid = 20,
    InsufficientFunds = 21,

    // Subjects.
    NoTradingAccount = 30,

    // Settlement.
    SettlementTooEarly = 40,

    // Settlement bank.
    BankRefused = 50,
}
