using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Compliance;

/// <summary>
/// The surrender rules of the national ETS link (ETS Art. 29; M 28; N), pure. Whether the units are
/// actually held is the ledger's question, asked when they are cancelled.
/// </summary>
public static class Surrenders
{
    public const int PeriodMin = 2013;
    public const int PeriodMax = 2100;

    /// <param name="record">The entity's position for the period before this surrender.</param>
    /// <param name="projects">ETS facts of the offered projects; a project not listed is neither covered nor legacy.</param>
    /// <param name="authorized">Instruments authorized for international use whose corresponding adjustment already applies.</param>
    /// <param name="today">The business date of the surrender (China).</param>
    public static ComplianceStatus Decide(ComplianceRules rules, ComplianceRecord record, SurrenderRequest request,
        IReadOnlyDictionary<string, OffsetProject> projects, IReadOnlySet<Instrument> authorized, DateOnly today)
    {
        if (request.Period is < PeriodMin or > PeriodMax || request.Period != record.Period) return ComplianceStatus.PeriodOutOfRange;
        if (request.Offsets.Count > SurrenderRequest.OffsetLinesMax) return ComplianceStatus.TooManyLines;
        if (request.AllowanceTonnes < 0 || request.Offsets.Any(o => o.Tonnes <= 0)) return ComplianceStatus.QuantityMustBePositive;
        if (request.AllowanceTonnes == 0 && request.Offsets.Count == 0) return ComplianceStatus.NothingToSurrender;
        if (record.VerifiedEmissions is null) return ComplianceStatus.EmissionsNotVerified;
        if (request.AllowanceTonnes > 0 && request.AllowanceInstrument.Vintage > request.Period)
            return ComplianceStatus.AllowanceBorrowingNotAllowed;
        foreach (var line in request.Offsets)
        {
            if (line.Instrument.UnitClass != UnitClass.Ccer) return ComplianceStatus.NotCcerUnits;
            if (projects.TryGetValue(line.Instrument.ProjectCode, out var project))
            {
                if (project.UnderEtsCoverage) return ComplianceStatus.ProjectUnderEtsCoverage;
                if (project.Legacy && today > rules.LegacyUsableUntil) return ComplianceStatus.LegacyUnitsExpired;
            }
            if (authorized.Contains(line.Instrument)) return ComplianceStatus.AuthorizedForInternationalUse;
        }
        var offsets = checked(record.OffsetsUsed + request.OffsetTonnes);
        if (offsets > rules.OffsetLimit(record.Obligation)) return ComplianceStatus.OffsetLimitExceeded;
        if (checked(record.Surrendered + request.AllowanceTonnes + request.OffsetTonnes) > record.Obligation)
            return ComplianceStatus.SurrenderExceedsObligation;
        return ComplianceStatus.Ok;
    }

    /// <summary>The record after an accepted surrender.</summary>
    public static ComplianceRecord Apply(ComplianceRecord record, SurrenderRequest request) => record with
    {
        SurrenderedAllowances = checked(record.SurrenderedAllowances + request.AllowanceTonnes),
        OffsetsUsed = checked(record.OffsetsUsed + request.OffsetTonnes),
    };
}
