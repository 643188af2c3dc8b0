namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// A project's id in another GHG mechanism, e.g. (<see cref="ExternalMechanism.Cdm"/>, "1234").
/// The value is stored trimmed and upper-cased so that the same id typed twice compares equal.
/// </summary>
public readonly record struct ExternalId
{
    // Stored states are read back through this constructor; without it the properties stay empty.
    [System.Text.Json.Serialization.JsonConstructor]
    public ExternalId(ExternalMechanism mechanism, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Mechanism = mechanism;
        Value = value.Trim().ToUpperInvariant();
    }

    public ExternalMechanism Mechanism { get; }

    public string Value { get; }

    public override string ToString() => $"{Mechanism}:{Value}";
}
