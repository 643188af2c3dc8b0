namespace OpenCcer.Storage.People;

/// <summary>Outcome of recording a new application, request, organisation or user.</summary>
public enum InsertOutcome
{
    Inserted = 0,

    /// <summary>The same operation id was used before with the same request: the first record is returned.</summary>
    Replayed = 1,

    /// <summary>The operation id was used before with a different request.</summary>
    OperationIdReused = 2,

    /// <summary>A unique value (subject id, user name, open application of the subject) is already taken.</summary>
    Duplicate = 3,
}
