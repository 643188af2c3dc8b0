using System.Collections.Immutable;

namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// What a transition decided. On <see cref="LifecycleStatus.Ok"/>: the new state and the events to journal,
/// in order. Otherwise: the state passed in, unchanged (the same instance), and no events.
/// </summary>
public sealed record Decision<TState>(LifecycleStatus Status, TState State, ImmutableArray<LifecycleEvent> Events)
{
    public bool IsOk => Status == LifecycleStatus.Ok;
}

/// <summary>Builders that keep the "refusal changes nothing" rule in one place.</summary>
internal static class Decision
{
    public static Decision<TState> Ok<TState>(TState state, params LifecycleEvent[] events) =>
        new(LifecycleStatus.Ok, state, [.. events]);

    public static Decision<TState> Refuse<TState>(LifecycleStatus status, TState unchanged)
    {
        if (status == LifecycleStatus.Ok)
        {
            throw new InvalidOperationException("A refusal needs a status other than Ok.");
        }

        return new Decision<TState>(status, unchanged, []);
    }
}
