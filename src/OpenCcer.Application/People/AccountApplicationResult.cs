using OpenCcer.Storage.People;

namespace OpenCcer.Application.People;

/// <summary>
/// An account application as stored, its history when asked for, China's date when it was read (to tell an
/// overdue review), and whether this call created it.
/// </summary>
public sealed record AccountApplicationResult(AccountApplicationRecord Application, IReadOnlyList<WorkflowStep>? History, DateOnly Today,
    bool Created = false)
{
    /// <summary>Under review past its due date.</summary>
    public bool Overdue => Application.Status == AccountApplicationStatus.UnderReview && Application.ReviewDue < Today;
}
