namespace OpenCcer.Core.Methodologies.Import;

/// <summary>
/// All rows of a monitoring file, or none: invariant, exactly one of <see cref="Rows"/> and
/// <see cref="Errors"/> is non-empty (an empty file is an error). Each error names its line.
/// </summary>
public sealed record ImportResult<T>(IReadOnlyList<T> Rows, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
