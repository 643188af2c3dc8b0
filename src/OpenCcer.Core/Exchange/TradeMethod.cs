namespace OpenCcer.Core.Exchange;

/// <summary>How a trade was made (T 12). Stable values: stored and journaled.</summary>
public enum TradeMethod
{
    /// <summary>挂牌协议: a listing taken by a counterparty (T 13).</summary>
    ListedAgreement = 1,

    /// <summary>大宗协议: a proposal to a named counterparty, confirmed (T 14).</summary>
    BulkAgreement = 2,

    /// <summary>单向竞价: sealed bids allocated at the end of a window (T 15).</summary>
    OneWayBidding = 3,
}
