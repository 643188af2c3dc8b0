namespace OpenCcer.Storage.Documents;

/// <summary>Outcome of storing an uploaded document. Values are stable: append, never renumber.</summary>
public enum DocumentSaveOutcome
{
    Saved = 0,

    /// <summary>The project already holds the most documents allowed; nothing was written.</summary>
    LimitReached = 1,
}
