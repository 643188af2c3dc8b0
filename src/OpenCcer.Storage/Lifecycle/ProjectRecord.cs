using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage.Journal;

namespace OpenCcer.Storage.Lifecycle;

/// <summary>
/// A project as stored: its lifecycle state plus what the registry adds around it (the project code that
/// numbers its units, the owner's subject id, the province), and a version for optimistic concurrency.
/// </summary>
public sealed record ProjectRecord(ProjectState State, string Code, string OwnerSubjectId, string? VvbSubjectId, string Province, int Version);

/// <summary>A reduction (monitoring period) as stored, with the subject of its verifying VVB.</summary>
public sealed record ReductionRecord(ReductionState State, string? VvbSubjectId, int Version);

/// <summary>One row of the public lifecycle timeline; <see cref="Hash"/> chains the rows like the ledger journal.</summary>
public sealed record LifecycleEventRecord(long Sequence, string Stream, string Kind, string ActorRole, string? ActorOrganisation,
    string Date, string? Reason, string EventJson, string RecordedAt, string PreviousHash, string Hash)
{
    /// <summary>The row as a link of the hash chain: the stream stands as operation id, the actor and date as request.</summary>
    public ChainLink Link => new(Sequence, Stream, Request(ActorRole, ActorOrganisation, Date), Kind, EventJson, RecordedAt, PreviousHash, Hash);

    /// <summary>What the hash covers of who acted and on which business date (the reason is not covered).</summary>
    public static string Request(string actorRole, string? actorOrganisation, string date) => actorRole + "|" + actorOrganisation + "|" + date;
}
