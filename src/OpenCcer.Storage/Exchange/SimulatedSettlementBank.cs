using System.Collections.Concurrent;
using System.Globalization;
using OpenCcer.Core.Exchange;

namespace OpenCcer.Storage.Exchange;

/// <summary>
/// A bank for demonstrations and tests: accepts every transfer up to <see cref="TransferMaxFen"/> and
/// refuses larger ones, remembering each receipt by operation id. It keeps no money: it only answers.
/// </summary>
public sealed class SimulatedSettlementBank(long transferMaxFen = SimulatedSettlementBank.DefaultTransferMaxFen) : ISettlementBank
{
    /// <summary>10,000,000.00 CNY per transfer.</summary>
    public const long DefaultTransferMaxFen = 1_000_000_000;

    private readonly ConcurrentDictionary<string, BankReceipt> receipts = new(StringComparer.Ordinal);
    private long lastReference;

    public long TransferMaxFen { get; } = transferMaxFen;

    /// <summary>Receipts issued, by operation id.</summary>
    public IReadOnlyDictionary<string, BankReceipt> Receipts => receipts;

    public Task<BankReceipt> ConfirmDepositAsync(ParticipantId participant, Money amount, string operationId, CancellationToken ct = default) =>
        Task.FromResult(Answer("deposit:" + operationId, amount));

    public Task<BankReceipt> PayOutAsync(ParticipantId participant, Money amount, string operationId, CancellationToken ct = default) =>
        Task.FromResult(Answer("payout:" + operationId, amount));

    private BankReceipt Answer(string key, Money amount) => receipts.GetOrAdd(key, _ =>
        amount.Fen > TransferMaxFen
            ? new BankReceipt(false, "", $"The simulated bank moves at most {new Money(TransferMaxFen)} per transfer.")
            : new BankReceipt(true, "SIM-" + Interlocked.Increment(ref lastReference).ToString("D8", CultureInfo.InvariantCulture), null));
}
