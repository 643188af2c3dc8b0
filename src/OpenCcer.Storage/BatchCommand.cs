using OpenCcer.Core.Registry;

namespace OpenCcer.Storage;

/// <summary>One command of a writer's batch, under its client-chosen operation id and the hash of its request.</summary>
public sealed record BatchCommand(string OperationId, LedgerCommand Command, string RequestHash)
{
    /// <summary>
    /// Who may run the command, decided on the writer against the live ledger just before it would run
    /// (after the commands ahead of it in the batch): null lets it through, anything else is the denial
    /// the caller hears, and nothing is done. It runs before the idempotency check, so a retry is denied
    /// to whoever was denied the first time and replayed only to whoever may run the command.
    /// </summary>
    public Func<Ledger, object?>? Guard { get; init; }
}
