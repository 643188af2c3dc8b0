namespace OpenCcer.Application.Exchange;

/// <summary>Move units to the trading account; the first holder to do so lists the instrument at its initial price.</summary>
public sealed record ListInstrumentRequest(string? OperationId, string? ProjectCode, int? Vintage, long? QuantityTonnes, long? InitialPriceFen);

/// <summary>List an instrument whose units are already in the caller's trading account, at its initial price.</summary>
public sealed record ListHeldInstrumentRequest(string? OperationId, string? ProjectCode, int? Vintage, long? InitialPriceFen);

public sealed record PostListingRequest(string? OperationId, string? Side, long? PriceFen, long? QuantityTonnes);

public sealed record TakeListingRequest(string? OperationId, long? QuantityTonnes);

/// <summary>Take from the best listing of <c>side</c> (the listing's side: take a sell listing to buy).</summary>
public sealed record TakeBestRequest(string? OperationId, string? Side, long? QuantityTonnes);

public sealed record OperationOnlyRequest(string? OperationId);

public sealed record ProposeBulkRequest(string? OperationId, string? CounterpartySubjectId, string? Side, long? PriceFen, long? QuantityTonnes);

public sealed record AnnounceBiddingRequest(string? OperationId, string? Side, long? QuantityTonnes, long? ReservePriceFen,
    DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd, string? Pricing);

public sealed record PlaceBidRequest(string? OperationId, long? PriceFen, long? QuantityTonnes);

public sealed record SuspendRequest(string? OperationId, string? Reason);

public sealed record SettleTradesRequest(string? OperationId, DateOnly? Date);

public sealed record RestrictSubjectRequest(string? OperationId, long? ParticipantId, string? Reason);
