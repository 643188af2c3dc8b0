using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Exchange;

/// <summary>An instrument on the exchange: who listed it, at what initial price, and from which trading day it trades (T 17).</summary>
public sealed record ListedInstrument(
    Instrument Instrument, ParticipantId ListedBy, PricePerTonne InitialPrice, DateTimeOffset ListedAt, DateOnly TradableFrom);
