namespace OpenCcer.Storage.People;

/// <summary>One step in the history of an application or a request: the status reached, who, when, why.</summary>
public sealed record WorkflowStep(int Step, int Status, string Actor, string At, string? Note);
