using OpenCcer.Storage.Exchange;

namespace OpenCcer.Application.Cash;

/// <summary>An accepted deposit or withdrawal: its exchange journal row, the bank's reference and the cash account after it.</summary>
public sealed record CashMoved(string OperationId, long Sequence, bool Replayed, string? BankReference, long ParticipantId, CashAccountRow? Account);
