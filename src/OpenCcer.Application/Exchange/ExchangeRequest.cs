using OpenCcer.Core.Exchange;
using OpenCcer.Core.Registry;

namespace OpenCcer.Application.Exchange;

/// <summary>
/// The canonical form of one exchange or cash write: what is asked (<paramref name="Action"/>, one name per
/// use case), by whom, on which market and order, with which checked terms (side, price, quantity, amount…).
/// The exchange engine fingerprints it (<c>RequestFingerprint</c>), so an operation id reused for another
/// action, instrument, order or term is told apart from a retry, whichever door the request came through.
/// </summary>
public sealed record ExchangeRequest(string Action, string? Subject, Instrument? Instrument = null, long? OrderId = null,
    IReadOnlyList<object?>? Terms = null);
