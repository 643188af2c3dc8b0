namespace OpenCcer.Application.Registry;

/// <summary>
/// The answer to an accepted registry write: its journal row, whether it was a replay of the first request
/// under the same operation id (then <see cref="Event"/> is the first result), and what it did.
/// </summary>
public sealed record OperationView(string OperationId, long Sequence, bool Replayed, RegistryChange Event);
