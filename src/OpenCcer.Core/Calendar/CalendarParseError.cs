namespace OpenCcer.Core.Calendar;

/// <summary>Why a calendar file was refused: the 1-based line number of the first bad line and a message a person can act on.</summary>
public sealed record CalendarParseError(int LineNumber, string Message)
{
    public override string ToString() => $"line {LineNumber}: {Message}";
}
