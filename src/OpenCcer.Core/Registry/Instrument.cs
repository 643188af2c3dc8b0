using System.Text.Json.Serialization;

namespace OpenCcer.Core.Registry;

/// <summary>
/// The tradable instrument: one project and one vintage year (T 10). National ETS allowances are the
/// instrument <c>CEA</c> × compliance year (<see cref="Allowance"/>); the class follows from the code, so
/// journaled instruments keep their shape.
/// </summary>
public readonly record struct Instrument(string ProjectCode, int Vintage)
{
    /// <summary>The project code reserved for national ETS allowances (碳排放配额, CEA).</summary>
    public const string AllowanceCode = "CEA";

    /// <summary>Allowances allocated for one compliance year.</summary>
    public static Instrument Allowance(int complianceYear) => new(AllowanceCode, complianceYear);

    [JsonIgnore]
    public UnitClass UnitClass => string.Equals(ProjectCode, AllowanceCode, StringComparison.Ordinal) ? UnitClass.Allowance : UnitClass.Ccer;

    public override string ToString() => $"{ProjectCode}-{Vintage}";
}
