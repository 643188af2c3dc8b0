namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// A fact to append to the journal: who did it, on which business date, and why when a person gave a
/// reason. Events are never updated or deleted; a correction is a later event.
/// </summary>
public abstract record LifecycleEvent(Actor Actor, DateOnly Date, string? Reason);
