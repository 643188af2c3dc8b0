using System.Globalization;
using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Core.Compliance;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;
using OpenCcer.Server.People;
using OpenCcer.Storage;
using OpenCcer.Storage.Compliance;

namespace OpenCcer.Server.Api;

/// <summary>
/// The national ETS link under <c>/api/v1/compliance</c>: the regulator registers key emitting units,
/// records verified emissions, allocates allowances and marks projects inside ETS coverage; a key
/// emitting unit surrenders allowances and CCER offsets for a period and reads its status; the regulator
/// reads the overview across entities and sectors.
/// </summary>
public static class ComplianceEndpoints
{
    public static IServiceCollection AddCompliance(this IServiceCollection services, IConfiguration configuration)
    {
        var rules = new ComplianceRules(
            configuration.GetValue("Compliance:OffsetShareBasisPoints", ComplianceRules.Default.OffsetShareBasisPoints),
            configuration.GetValue<DateOnly?>("Compliance:LegacyUsableUntil") ?? ComplianceRules.Default.LegacyUsableUntil);
        services.AddSingleton(rules);
        services.AddSingleton(sp => new ComplianceService(sp.GetRequiredService<LedgerStore>(), sp.GetRequiredService<RegistryEngine>(), rules,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<LedgerStore>().Compliance.OffsetBarredInstrumentsAsync));
        return services;
    }

    public static IEndpointRouteBuilder MapComplianceEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/compliance").WithTags("Compliance").ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        api.MapPost("/entities", Register).RequireAuthorization(PeopleAuthentication.SupervisorPolicy).Accepts<ComplianceEntityRequest>("application/json")
            .WithSummary("Register a key emitting unit (its registry account must be of that holder type) with its sector and province.");
        api.MapGet("/entities", async (LedgerStore store, CancellationToken ct) => TypedResults.Ok(await store.Compliance.ComplianceEntitiesAsync(ct)))
            .RequireAuthorization(PeopleAuthentication.SupervisorPolicy).WithSummary("Key emitting units.");
        api.MapPost("/entities/{subject}/periods/{period:int}/emissions", RecordEmissions).RequireAuthorization(PeopleAuthentication.SupervisorPolicy)
            .Accepts<VerifiedEmissionsRequest>("application/json").WithSummary("Record a period's verified emissions: the obligation.");
        api.MapPost("/entities/{subject}/periods/{period:int}/allocations", Allocate).RequireAuthorization(PeopleAuthentication.SupervisorPolicy)
            .Accepts<AllocationRequest>("application/json").WithSummary("Allocate allowances (CEA) of a period into the entity's registry account.");
        api.MapPost("/entities/{subject}/periods/{period:int}/surrenders", Surrender).RequireAuthorization(RegistryEndpoints.ReaderPolicy)
            .Accepts<SurrenderRequestBody>("application/json")
            .WithSummary("Surrender allowances and CCER offsets for a period (the entity itself, or the registry administrator).");
        api.MapGet("/entities/{subject}/periods/{period:int}", Status).RequireAuthorization(RegistryEndpoints.ReaderPolicy)
            .WithSummary("Compliance status of an entity for a period: obligation, surrendered allowances, offsets used, shortfall.");
        api.MapGet("/overview", Overview).RequireAuthorization(PeopleAuthentication.SupervisorPolicy)
            .WithSummary("Compliance across entities and sectors for a period.");
        api.MapPut("/offset-projects/{code}", SetOffsetProject).RequireAuthorization(PeopleAuthentication.SupervisorPolicy)
            .Accepts<OffsetProjectRequest>("application/json").WithSummary("Mark a project as inside ETS coverage or as legacy (its CCERs are then refused as offsets).");
        api.MapGet("/offset-projects", async (LedgerStore store, CancellationToken ct) => TypedResults.Ok(await store.Compliance.OffsetProjectsAsync(ct)))
            .RequireAuthorization(PeopleAuthentication.SupervisorPolicy).WithSummary("Projects whose CCERs are restricted as offsets.");
        return app;
    }

    private static async Task<IResult> Register(HttpContext http, ComplianceService compliance, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<ComplianceEntityRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var subject = r.Text("subject_id", body!.SubjectId, LedgerLimits.TextLengthMax);
        var sector = r.Enum<Sector>("sector", body.Sector);
        var province = r.Text("province", body.Province, 100);
        if (r.HasErrors) return r.Refusal().ToProblem();
        var outcome = await compliance.RegisterAsync(subject, sector, province, http.RequestAborted);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : ComplianceProblems.For(outcome);
    }

    private static async Task<IResult> RecordEmissions(HttpContext http, ComplianceService compliance, JsonSerializerOptions json, string subject, int period)
    {
        var (body, problem) = await RequestReader.ReadAsync<VerifiedEmissionsRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var tonnes = r.Required("verified_tonnes", body!.VerifiedTonnes);
        if (tonnes is < 0 or > LedgerLimits.QuantityMax) r.Fail("verified_tonnes", $"Whole tonnes from 0 to {LedgerLimits.QuantityMax}.");
        if (r.HasErrors) return r.Refusal().ToProblem();
        var outcome = await compliance.RecordEmissionsAsync(subject, period, tonnes, http.RequestAborted);
        return outcome.IsOk ? TypedResults.Ok(View(outcome.Value!, compliance.Rules)) : ComplianceProblems.For(outcome);
    }

    private static async Task<IResult> Allocate(HttpContext http, ComplianceService compliance, JsonSerializerOptions json, string subject, int period)
    {
        var (body, problem) = await RequestReader.ReadAsync<AllocationRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var tonnes = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        if (r.HasErrors) return r.Refusal().ToProblem();
        var outcome = await compliance.AllocateAsync(op, subject, period, tonnes, http.RequestAborted);
        return outcome.IsOk ? TypedResults.Ok(View(outcome.Value!, compliance.Rules)) : ComplianceProblems.For(outcome, op);
    }

    private static async Task<IResult> Surrender(HttpContext http, ComplianceService compliance, LedgerStore store, JsonSerializerOptions json,
        string subject, int period)
    {
        if (await store.Compliance.ComplianceEntityAsync(subject, http.RequestAborted) is null) return ComplianceProblems.For(ComplianceStatus.EntityNotFound);
        var caller = Caller.Of(http.User);
        if (!caller.IsAdministrator && !(Roles.HoldsAccounts(caller.Role) && caller.SubjectId == subject))
            return Problems.Forbidden("Only the key emitting unit itself (or the registry administrator) surrenders its units.");
        var (body, problem) = await RequestReader.ReadAsync<SurrenderRequestBody>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var allowances = body.AllowanceTonnes ?? 0;
        if (allowances is < 0 or > LedgerLimits.QuantityMax) r.Fail("allowance_tonnes", $"Whole tonnes from 0 to {LedgerLimits.QuantityMax}.");
        var offsets = new List<OffsetLine>();
        var lines = body.Offsets ?? [];
        if (lines.Count > SurrenderRequest.OffsetLinesMax) r.Fail("offsets", $"At most {SurrenderRequest.OffsetLinesMax} lines.");
        for (var i = 0; i < lines.Count && i < SurrenderRequest.OffsetLinesMax; i++)
        {
            var line = lines[i] ?? new OffsetLineBody(null, null, null);
            var field = string.Create(CultureInfo.InvariantCulture, $"offsets[{i}]");
            var line_ = new Fields();
            var instrument = line_.Instrument(line.ProjectCode, line.Vintage);
            var tonnes = line_.Quantity("quantity_tonnes", line.QuantityTonnes);
            if (line_.HasErrors) r.Fail(field, "Needs project_code, vintage and quantity_tonnes (at least 1).");
            offsets.Add(new OffsetLine(instrument, tonnes));
        }
        if (r.HasErrors) return r.Refusal().ToProblem();
        var outcome = await compliance.SurrenderAsync(op, subject, new SurrenderRequest(period, allowances, body.AllowanceVintage, offsets), http.RequestAborted);
        if (!outcome.IsOk) return ComplianceProblems.For(outcome, op);
        var record = await compliance.RecordAsync(subject, period, http.RequestAborted);
        return TypedResults.Ok(new { OperationId = op, Lines = outcome.Value!.Select(Line), Status = View(record, compliance.Rules) });
    }

    private static async Task<IResult> Status(HttpContext http, ComplianceService compliance, LedgerStore store, string subject, int period)
    {
        if (await store.Compliance.ComplianceEntityAsync(subject, http.RequestAborted) is null) return ComplianceProblems.For(ComplianceStatus.EntityNotFound);
        var caller = Caller.Of(http.User);
        if (caller.Role is not (Role.RegistryAdministrator or Role.Regulator) && caller.SubjectId != subject)
            return Problems.Forbidden("An entity reads its own compliance status; the registry and the regulator read all.");
        var record = await compliance.RecordAsync(subject, period, http.RequestAborted);
        var lines = await store.Compliance.SurrenderLinesAsync(subject, period, http.RequestAborted);
        return TypedResults.Ok(new { Status = View(record, compliance.Rules), Lines = lines.Select(Line) });
    }

    private static async Task<IResult> Overview(LedgerStore store, ComplianceService compliance, int? period, CancellationToken ct)
    {
        var entities = (await store.Compliance.ComplianceEntitiesAsync(ct)).ToDictionary(e => e.SubjectId, StringComparer.Ordinal);
        var records = (await store.Compliance.ComplianceRecordsAsync(null, period, ct)).Where(r => entities.ContainsKey(r.SubjectId)).ToList();
        var rows = records.Select(r => new
        {
            Entity = entities[r.SubjectId].Name,
            Sector = RequestReader.Snake(entities[r.SubjectId].Sector.ToString()),
            entities[r.SubjectId].Province,
            Status = View(r, compliance.Rules)
        }).ToList();
        var sectors = records.GroupBy(r => entities[r.SubjectId].Sector).OrderBy(g => g.Key).Select(g => new
        {
            Sector = RequestReader.Snake(g.Key.ToString()),
            Entities = g.Select(r => r.SubjectId).Distinct().Count(),
            ObligationTonnes = g.Sum(r => r.Obligation),
            SurrenderedAllowancesTonnes = g.Sum(r => r.SurrenderedAllowances),
            OffsetsUsedTonnes = g.Sum(r => r.OffsetsUsed),
            ShortfallTonnes = g.Sum(r => r.Shortfall),
            Compliant = g.Count(r => r.Compliant),
            NotCompliant = g.Count(r => !r.Compliant),
        });
        return TypedResults.Ok(new { Period = period, Sectors = sectors, Entities = rows });
    }

    private static async Task<IResult> SetOffsetProject(HttpContext http, LedgerStore store, TimeProvider time, JsonSerializerOptions json, string code)
    {
        var (body, problem) = await RequestReader.ReadAsync<OffsetProjectRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var covered = r.Required("under_ets_coverage", body!.UnderEtsCoverage);
        var legacy = r.Required("legacy", body.Legacy);
        if (code.Length > LedgerLimits.ProjectCodeLengthMax) r.Fail("code", $"At most {LedgerLimits.ProjectCodeLengthMax} characters.");
        if (r.HasErrors) return r.Refusal().ToProblem();
        var project = new OffsetProject(code, covered, legacy);
        await store.Compliance.SetOffsetProjectAsync(project, Storage.Journal.EventJson.Timestamp(time.GetUtcNow()), http.RequestAborted);
        return TypedResults.Ok(project);
    }

    /// <summary>A compliance record as the API shows it: every amount in tonnes, the offset limit, the verdict.</summary>
    public static object View(ComplianceRecord r, ComplianceRules rules) => new
    {
        r.SubjectId,
        r.Period,
        VerifiedEmissionsTonnes = r.VerifiedEmissions,
        ObligationTonnes = r.Obligation,
        AllocatedTonnes = r.Allocated,
        SurrenderedAllowancesTonnes = r.SurrenderedAllowances,
        OffsetsUsedTonnes = r.OffsetsUsed,
        OffsetLimitTonnes = rules.OffsetLimit(r.Obligation),
        ShortfallTonnes = r.Shortfall,
        r.Compliant,
    };

    private static object Line(SurrenderLine l) => new
    {
        l.Line,
        UnitClass = RequestReader.Snake(l.UnitClass.ToString()),
        l.ProjectCode,
        l.Vintage,
        QuantityTonnes = l.Tonnes,
        l.CertificateNumber,
        l.SurrenderedAt,
    };
}
