namespace OpenCcer.Application;

/// <summary>
/// What a handler returns: the value when the use case was done, or the refusal that says why not.
/// Exactly one of the two is set.
/// </summary>
public readonly record struct Outcome<T>
{
    private Outcome(T? value, Refusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    public T? Value { get; }

    public Refusal? Refusal { get; }

    public bool IsOk => Refusal is null;

    public static Outcome<T> Ok(T value) => new(value, null);

    public static Outcome<T> No(Refusal refusal) => new(default, refusal ?? throw new ArgumentNullException(nameof(refusal)));

    public static implicit operator Outcome<T>(T value) => Ok(value);

    public static implicit operator Outcome<T>(Refusal refusal) => No(refusal);

    /// <summary>The value turned into another, or the same refusal.</summary>
    public Outcome<TOther> Map<TOther>(Func<T, TOther> map) => IsOk ? Outcome<TOther>.Ok(map(Value!)) : Outcome<TOther>.No(Refusal!);
}
