namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// A corrective-action request (CAR) the VVB raised during validation, numbered from 1; closed once the VVB
/// accepts the owner's correction (<see cref="ClosedOn"/> and <see cref="Resolution"/> both set or both null).
/// </summary>
public sealed record CorrectiveActionRequest(int Number, DateOnly RaisedOn, string Text, DateOnly? ClosedOn, string? Resolution)
{
    public bool IsOpen => ClosedOn is null;
}
