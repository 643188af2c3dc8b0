namespace OpenCcer.Storage.Journal;

/// <summary>How a journal answers an operation id (see <see cref="OperationIndex.Answer"/>).</summary>
public enum IdempotencyKind
{
    /// <summary>The id has not been committed: run the request.</summary>
    New = 1,

    /// <summary>The id was committed with the same request: answer with the first result.</summary>
    Replay = 2,

    /// <summary>The id was committed with another request: refuse, changing nothing.</summary>
    Conflict = 3,
}
