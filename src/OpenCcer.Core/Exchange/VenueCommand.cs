using System.Text.Json.Serialization;
using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// A command to the <see cref="TradingVenue"/>. Together with its instant it is journaled before its
/// result is returned; replaying the journal in order rebuilds every market, the cash book and the
/// unsettled trades exactly. Discriminators and fields are stable.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ListInstrument), "list_instrument")]
[JsonDerivedType(typeof(ToMarket), "to_market")]
[JsonDerivedType(typeof(DepositCash), "deposit_cash")]
[JsonDerivedType(typeof(WithdrawCash), "withdraw_cash")]
[JsonDerivedType(typeof(CloseMarkets), "close_markets")]
[JsonDerivedType(typeof(SettleTrades), "settle_trades")]
public abstract record VenueCommand;

/// <summary>
/// Lists an instrument (T 17) when its first holder moves units to trading: <see cref="InitialPrice"/>
/// is the base price of its first trading day, the next trading day after the listing. A listed
/// instrument ignores the command (status Ok, nothing changes).
/// </summary>
public sealed record ListInstrument(Instrument Instrument, ParticipantId ListedBy, PricePerTonne InitialPrice) : VenueCommand;

/// <summary>
/// A command for one instrument's market. The caller supplies the units part of every position (from
/// the registry); the venue replaces <see cref="ParticipantPosition.AvailableFunds"/> with the cash book's
/// available funds, so the market checks funds against the exchange's own ledger.
/// </summary>
public sealed record ToMarket(Instrument Instrument, MarketCommand Command) : VenueCommand;

public sealed record DepositCash(ParticipantId Participant, Money Amount, string BankReference) : VenueCommand;

public sealed record WithdrawCash(ParticipantId Participant, Money Amount, string BankReference) : VenueCommand;

/// <summary>Closes the trading day of every market whose close has passed (expiring listings and proposals).</summary>
public sealed record CloseMarkets : VenueCommand;

/// <summary>
/// Settles every unsettled trade made on or before <see cref="Date"/> (China Standard Time), after the
/// close of that date: markets are closed first, then each trade settles gross, delivery versus payment.
/// </summary>
public sealed record SettleTrades(DateOnly Date) : VenueCommand;
