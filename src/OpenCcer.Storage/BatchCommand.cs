using OpenCcer.Core.Registry;

namespace OpenCcer.Storage;

/// <summary>One command of a writer's batch, under its client-chosen operation id and the hash of its request.</summary>
public sealed record BatchCommand(string OperationId, LedgerCommand Command, string RequestHash);
