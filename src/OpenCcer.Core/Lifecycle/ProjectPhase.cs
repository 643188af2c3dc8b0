namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// Where a project stands in its lifecycle (M 11-16, 43). Terminal: <see cref="ValidationNegative"/>,
/// <see cref="Deregistered"/>, <see cref="Revoked"/>. Values are stable: append, never renumber.
/// </summary>
public enum ProjectPhase
{
    Draft = 0,
    InPublicNotice = 1,
    NoticeEnded = 2,
    UnderValidation = 3,
    Validated = 4,
    ValidationNegative = 5,
    Applied = 6,
    UnderReview = 7,
    Registered = 8,
    Rejected = 9,
    Deregistered = 10,
    Revoked = 11,
}
