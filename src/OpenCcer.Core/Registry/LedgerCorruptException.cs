namespace OpenCcer.Core.Registry;

/// <summary>An event does not fit the ledger's state: the journal was altered or a bug broke an invariant.</summary>
public sealed class LedgerCorruptException(string message) : Exception(message);
