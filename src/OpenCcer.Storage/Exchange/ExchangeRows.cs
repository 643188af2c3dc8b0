namespace OpenCcer.Storage.Exchange;

/// <summary>One row of the exchange journal: a venue command, its instant and its result, hash-chained.</summary>
public sealed record ExchangeJournalRow(long Sequence, string OperationId, string RequestHash, string Kind, string Command, string Result,
    string At, string PreviousHash, string Hash);

public sealed record CashAccountRow(long ParticipantId, long BalanceFen, long HeldFen)
{
    public long AvailableFen => BalanceFen - HeldFen;
}

public sealed record CashPostingRow(long Id, long ParticipantId, string Kind, long AmountFen, long BalanceFen, string Reference, string At);

public sealed record TradeRow(string ProjectCode, int Vintage, long TradeId, string Method, long BuyerId, long SellerId, long PriceFen,
    long Quantity, long TurnoverFen, long BuyerFeeFen, long SellerFeeFen, string At, string TradeDate, string? SettledAt, string? SettlementDate);

public sealed record InstrumentRow(string ProjectCode, int Vintage, long ListedBy, long InitialPriceFen, string ListedAt, string TradableFrom);
