namespace OpenCcer.Core.Registry;

/// <summary>The tradable instrument: one project and one vintage year (T 10).</summary>
public readonly record struct Instrument(string ProjectCode, int Vintage)
{
    public override string ToString() => $"{ProjectCode}-{Vintage}";
}
