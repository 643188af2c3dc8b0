namespace OpenCcer.Core.Methodologies.GridPower;

/// <summary>Either a table (and no errors) or the errors of every bad line (and no table).</summary>
public sealed record GridFactorTableParse(GridFactorTable? Table, IReadOnlyList<FieldError> Errors);
