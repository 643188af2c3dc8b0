using OpenCcer.Storage.Journal;

namespace OpenCcer.Storage.Exchange;

/// <summary>One row of the exchange journal: a venue command, its instant and its result, hash-chained.</summary>
public sealed record ExchangeJournalRow(long Sequence, string OperationId, string RequestHash, string Kind, string Command, string Result,
    string At, string PreviousHash, string Hash)
{
    /// <summary>The row as a link of the hash chain; its body is the command and the result, a line apart.</summary>
    public ChainLink Link => new(Sequence, OperationId, RequestHash, Kind, Body(Command, Result), At, PreviousHash, Hash);

    /// <summary>The row of <paramref name="link"/>, whose body is <see cref="Body"/> of these two.</summary>
    public static ExchangeJournalRow Of(ChainLink link, string command, string result)
    {
        if (link.Body != Body(command, result)) throw new ArgumentException("The link's body is not this command and result.", nameof(link));
        return new(link.Sequence, link.OperationId, link.RequestHash, link.Kind, command, result, link.RecordedAt, link.PreviousHash, link.Hash);
    }

    /// <summary>What the hash covers of a command and its result.</summary>
    public static string Body(string command, string result) => command + "\n" + result;
}

public sealed record CashAccountRow(long ParticipantId, long BalanceFen, long HeldFen)
{
    public long AvailableFen => BalanceFen - HeldFen;
}

public sealed record CashPostingRow(long Id, long ParticipantId, string Kind, long AmountFen, long BalanceFen, string Reference, string At);

public sealed record TradeRow(string ProjectCode, int Vintage, long TradeId, string Method, long BuyerId, long SellerId, long PriceFen,
    long Quantity, long TurnoverFen, long BuyerFeeFen, long SellerFeeFen, string At, string TradeDate, string? SettledAt, string? SettlementDate);

public sealed record InstrumentRow(string ProjectCode, int Vintage, long ListedBy, long InitialPriceFen, string ListedAt, string TradableFrom);
