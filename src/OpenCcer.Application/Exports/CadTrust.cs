using System.Text.Json;
using System.Text.Json.Serialization;
using OpenCcer.Core.Article6;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Exports;
using OpenCcer.Storage.Lifecycle;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Application.Exports;

/// <summary>
/// Projects, issuances and unit blocks in the data shape of the Climate Action Data Trust (CAD Trust) data
/// model: camelCase field names and its picklist values (project status, unit status, corresponding
/// adjustment). CCERs only: ETS allowances are not carbon credits and are left out. Holders are not named.
/// </summary>
public static class CadTrust
{
    public const string Registry = "China CCER Registry (OpenCCER)";

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<CadTrustExport> LoadAsync(LedgerStore store, SerialFormat format, CancellationToken ct)
    {
        var projects = await PublicLists.AllAsync((limit, offset) => store.Lifecycle.ProjectsAsync(null, null, null, limit, offset, ct));
        var issuances = await PublicLists.AllAsync((limit, offset) => store.Registry.IssuancesAsync(null, limit, offset, ct));
        var blocks = await PublicLists.BlocksAsync(store, ct);
        var cancellations = (await PublicLists.AllAsync((limit, offset) => store.Registry.CancellationsAsync(limit, offset, ct))).ToDictionary(c => c.Id);
        var authorizations = (await store.Compliance.AuthorizationsAsync(ct)).ToDictionary(a => a.Instrument);
        return Build(format, projects, issuances, blocks, cancellations, authorizations);
    }

    public static CadTrustExport Build(SerialFormat format, IEnumerable<ProjectRecord> projects, IEnumerable<IssuanceRow> issuances,
        IEnumerable<BlockRow> blocks, IReadOnlyDictionary<long, CancellationRow> cancellations, IReadOnlyDictionary<Instrument, Authorization> authorizations)
    {
        var cadProjects = projects.Where(p => p.State.Phase != ProjectPhase.Draft).Select(p => new CadProject(
            p.Code, p.Code, Registry, Registry, "CCER", p.State.Description.Title, p.OwnerSubjectId, p.State.Description.MethodologyCode,
            ProjectStatus(p.State.Phase), "Outside NDC", "tCO2e", p.State.Description.MethodologyCode, p.State.RegisteredOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [new CadLocation("China", p.Province)])).ToList();
        var cadIssuances = issuances.Where(i => i.ProjectCode != Instrument.AllowanceCode).Select(i => new CadIssuance(
            i.Reference, i.ProjectCode, i.Vintage, checked(i.Last - i.First + 1), i.IssuedAt)).ToList();
        var references = issuances.ToDictionary(i => i.Id, i => i.Reference);
        var cadUnits = blocks.Where(b => b.ProjectCode != Instrument.AllowanceCode).Select(b =>
        {
            var instrument = new Instrument(b.ProjectCode, b.Vintage);
            var cancellation = (UnitState)b.State == UnitState.Cancelled ? cancellations.GetValueOrDefault(b.Hold) : null;
            var purpose = cancellation is null ? (CancellationPurpose?)null : (CancellationPurpose)cancellation.Purpose;
            var authorized = authorizations.GetValueOrDefault(instrument);
            return new CadUnit(
                format.Render(instrument, b.First, b.Last), b.First, b.Last, checked(b.Last - b.First + 1), b.Vintage, b.ProjectCode,
                references.GetValueOrDefault(b.IssuanceId, ""), UnitStatus((UnitState)b.State, purpose),
                purpose is null ? ((UnitState)b.State == UnitState.Frozen ? "judicial_freeze" : null) : JsonNamingPolicy.SnakeCaseLower.ConvertName(purpose.Value.ToString()),
                cancellation?.Beneficiary, "China",
                authorized is null ? "Not Required" : "Committed",
                authorized is null ? "Not Applicable" : AdjustmentStatus(authorized, purpose),
                authorized is null ? [] : ["Article 6 authorized: " + authorized.Reference]);
        }).ToList();
        return new CadTrustExport(cadProjects, cadIssuances, cadUnits);
    }

    private static string ProjectStatus(ProjectPhase phase) => phase switch
    {
        ProjectPhase.Validated => "Validated",
        ProjectPhase.Registered => "Registered",
        ProjectPhase.Deregistered or ProjectPhase.Revoked => "Deregistered",
        ProjectPhase.Rejected or ProjectPhase.ValidationNegative => "Withdrawn",
        _ => "Listed",
    };

    private static string UnitStatus(UnitState state, CancellationPurpose? purpose) => state switch
    {
        UnitState.Cancelled => purpose switch
        {
            CancellationPurpose.InternationalTransfer => "Exported",
            CancellationPurpose.Forced or CancellationPurpose.Judicial or CancellationPurpose.OverallMitigation => "Cancelled",
            _ => "Retired",
        },
        _ => "Held",
    };

    private static string AdjustmentStatus(Authorization a, CancellationPurpose? purpose) =>
        a.AdjustedOnAuthorization || purpose == CancellationPurpose.InternationalTransfer ? "Completed" : "Pending";

    public static string Serialize(CadTrustExport export) => JsonSerializer.Serialize(export, Options) + "\n";

    public static CadTrustExport Deserialize(string json) => JsonSerializer.Deserialize<CadTrustExport>(json, Options)
        ?? throw new JsonException("Empty CAD Trust document.");
}

public sealed record CadTrustExport(IReadOnlyList<CadProject> Projects, IReadOnlyList<CadIssuance> Issuances, IReadOnlyList<CadUnit> Units);

public sealed record CadProject(string ProjectId, string OriginProjectId, string CurrentRegistry, string RegistryOfOrigin, string Program,
    string ProjectName, string ProjectDeveloper, string ProjectType, string ProjectStatus, string CoveredByNdc, string UnitMetric,
    string Methodology, string? ProjectStatusDate, IReadOnlyList<CadLocation> ProjectLocations);

public sealed record CadLocation(string Country, string InCountryRegion);

public sealed record CadIssuance(string Id, string ProjectId, int VintageYear, long UnitCount, string IssuedAt);

public sealed record CadUnit(string UnitBlockId, long UnitBlockStart, long UnitBlockEnd, long UnitCount, int VintageYear, string ProjectId,
    string IssuanceId, string UnitStatus, string? UnitStatusReason, string? RetirementBeneficiary, string CountryJurisdictionOfOwner,
    string CorrespondingAdjustmentDeclaration, string CorrespondingAdjustmentStatus, IReadOnlyList<string> Labels);
