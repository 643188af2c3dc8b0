namespace OpenCcer.Core.Methodologies;

/// <summary>
/// One problem with an input, or one applicability condition that failed, tied to the input field it
/// concerns. <see cref="Field"/> is a JSON-style path such as <c>periods[2].export_mwh</c>, or a CSV
/// line reference such as <c>line 7: dbh_cm</c>; never empty.
/// </summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
