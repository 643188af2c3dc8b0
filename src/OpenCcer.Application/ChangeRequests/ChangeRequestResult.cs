using OpenCcer.Storage.People;

namespace OpenCcer.Application.ChangeRequests;

/// <summary>A maker-checker request as it stands after a step, with its history; <paramref name="Created"/> when this call recorded it.</summary>
public sealed record ChangeRequestResult(ChangeRequestRecord Request, IReadOnlyList<WorkflowStep> History, bool Created = false);
