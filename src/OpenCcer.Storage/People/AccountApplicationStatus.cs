namespace OpenCcer.Storage.People;

/// <summary>
/// Registry account opening (R 7): <c>Applied → UnderReview → Active | Rejected</c>. Values are stored:
/// never renumber.
/// </summary>
public enum AccountApplicationStatus
{
    Applied = 1,
    UnderReview = 2,
    Active = 3,
    Rejected = 4,
}
