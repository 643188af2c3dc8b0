namespace OpenCcer.Application.Cash;

/// <summary>A deposit or a withdrawal of cash at the exchange, in fen.</summary>
public sealed record CashRequest(string? OperationId, long? AmountFen);
