namespace OpenCcer.Core.Methodologies.GridPower;

public enum GridFactorAdditionStatus
{
    Added = 0,
    DuplicateYear = 1,
    InvalidRow = 2,
}

/// <summary>
/// Result of adding a published year. <see cref="Table"/> is the new table when
/// <see cref="Status"/> is <see cref="GridFactorAdditionStatus.Added"/>, else the unchanged original.
/// </summary>
public sealed record GridFactorAddition(GridFactorAdditionStatus Status, GridFactorTable Table, IReadOnlyList<FieldError> Errors);
