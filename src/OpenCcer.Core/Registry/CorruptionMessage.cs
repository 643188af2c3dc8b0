using System.Runtime.CompilerServices;

namespace OpenCcer.Core.Registry;

/// <summary>
/// The message of a ledger assertion, formatted only when the assertion fails: the checks in Apply run
/// on every event, and building their text eagerly cost more than the moves they guard.
/// </summary>
[InterpolatedStringHandler]
internal ref struct CorruptionMessage
{
    private DefaultInterpolatedStringHandler text;

    public CorruptionMessage(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        shouldAppend = !condition;
        text = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public void AppendLiteral(string value) => text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => text.AppendFormatted(value);

    public override string ToString() => text.ToStringAndClear();
}
