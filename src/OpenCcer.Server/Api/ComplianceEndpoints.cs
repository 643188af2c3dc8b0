using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Application.Compliance;
using OpenCcer.Core.Compliance;
using OpenCcer.Server.People;
using OpenCcer.Storage;
using OpenCcer.Storage.Compliance;

namespace OpenCcer.Server.Api;

/// <summary>
/// The national ETS link under <c>/api/v1/compliance</c> (<see cref="ComplianceUseCases"/>): the regulator
/// registers key emitting units, records verified emissions, allocates allowances and marks projects inside ETS
/// coverage; a key emitting unit surrenders allowances and CCER offsets for a period and reads its status; the
/// regulator reads the overview across entities and sectors.
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
        services.AddSingleton<ComplianceUseCases>();
        return services;
    }

    public static IEndpointRouteBuilder MapComplianceEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/compliance").WithTags("Compliance").ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        api.MapPost("/entities", (HttpContext http, ComplianceUseCases compliance, JsonSerializerOptions json) =>
                WithBody<ComplianceEntityRequest>(http, json, async body => (await compliance.RegisterAsync(Caller.Of(http.User), body, http.RequestAborted)).ToResult()))
            .Accepts<ComplianceEntityRequest>("application/json")
            .RequireAuthorization(PeopleAuthentication.SupervisorPolicy)
            .WithSummary("Register a key emitting unit (its registry account must be of that holder type) with its sector and province.");
        api.MapGet("/entities", async (HttpContext http, ComplianceUseCases compliance) =>
                (await compliance.EntitiesAsync(Caller.Of(http.User), http.RequestAborted)).ToResult())
            .RequireAuthorization(PeopleAuthentication.SupervisorPolicy).WithSummary("Key emitting units.");
        MapPeriodWrite<VerifiedEmissionsRequest>(api, "/entities/{subject}/periods/{period:int}/emissions", (c, caller, subject, period, body, ct) =>
                c.RecordEmissionsAsync(caller, subject, period, body, ct))
            .WithSummary("Record a period's verified emissions: the obligation.");
        MapPeriodWrite<AllocationRequest>(api, "/entities/{subject}/periods/{period:int}/allocations", (c, caller, subject, period, body, ct) =>
                c.AllocateAsync(caller, subject, period, body, ct))
            .WithSummary("Allocate allowances (CEA) of a period into the entity's registry account.");
        api.MapPost("/entities/{subject}/periods/{period:int}/surrenders", (HttpContext http, ComplianceUseCases compliance, JsonSerializerOptions json,
                string subject, int period) => WithBody<SurrenderRequestBody>(http, json, async body =>
                (await compliance.SurrenderAsync(Caller.Of(http.User), subject, period, body, http.RequestAborted)).ToResult(s =>
                    TypedResults.Ok(new { s.OperationId, Lines = s.Lines.Select(Line), Status = View(s.Record, compliance.Rules) }))))
            .Accepts<SurrenderRequestBody>("application/json")
            .RequireAuthorization(RegistryEndpoints.ReaderPolicy)
            .WithSummary("Surrender allowances and CCER offsets for a period (the entity itself, or the registry administrator).");
        api.MapGet("/entities/{subject}/periods/{period:int}", async (HttpContext http, ComplianceUseCases compliance, string subject, int period) =>
                (await compliance.StatusAsync(Caller.Of(http.User), subject, period, http.RequestAborted)).ToResult(s =>
                    TypedResults.Ok(new { Status = View(s.Record, compliance.Rules), Lines = s.Lines.Select(Line) })))
            .RequireAuthorization(RegistryEndpoints.ReaderPolicy)
            .WithSummary("Compliance status of an entity for a period: obligation, surrendered allowances, offsets used, shortfall.");
        api.MapGet("/overview", async (HttpContext http, ComplianceUseCases compliance, int? period) =>
                (await compliance.OverviewAsync(Caller.Of(http.User), period, http.RequestAborted)).ToResult(o => TypedResults.Ok(Overview(o, compliance.Rules))))
            .RequireAuthorization(PeopleAuthentication.SupervisorPolicy).WithSummary("Compliance across entities and sectors for a period.");
        api.MapPut("/offset-projects/{code}", (HttpContext http, ComplianceUseCases compliance, JsonSerializerOptions json, string code) =>
                WithBody<OffsetProjectRequest>(http, json, async body =>
                    (await compliance.SetOffsetProjectAsync(Caller.Of(http.User), code, body, http.RequestAborted)).ToResult()))
            .Accepts<OffsetProjectRequest>("application/json")
            .RequireAuthorization(PeopleAuthentication.SupervisorPolicy)
            .WithSummary("Mark a project as inside ETS coverage or as legacy (its CCERs are then refused as offsets).");
        api.MapGet("/offset-projects", async (HttpContext http, ComplianceUseCases compliance) =>
                (await compliance.OffsetProjectsAsync(Caller.Of(http.User), http.RequestAborted)).ToResult())
            .RequireAuthorization(PeopleAuthentication.SupervisorPolicy).WithSummary("Projects whose CCERs are restricted as offsets.");
        return app;
    }

    /// <summary>The regulator's write on an entity's period: the body to <paramref name="handle"/>, the period's record as the API shows it.</summary>
    private static RouteHandlerBuilder MapPeriodWrite<TBody>(RouteGroupBuilder api, string pattern,
        Func<ComplianceUseCases, Caller, string, int, TBody, CancellationToken, Task<Outcome<ComplianceRecord>>> handle) where TBody : class =>
        api.MapPost(pattern, (HttpContext http, ComplianceUseCases compliance, JsonSerializerOptions json, string subject, int period) =>
                WithBody<TBody>(http, json, async body => (await handle(compliance, Caller.Of(http.User), subject, period, body, http.RequestAborted))
                    .ToResult(r => TypedResults.Ok(View(r, compliance.Rules)))))
            .Accepts<TBody>("application/json")
            .RequireAuthorization(PeopleAuthentication.SupervisorPolicy);

    /// <summary>Reads the JSON body (a malformed one is a 400) and hands it to <paramref name="handle"/>.</summary>
    private static async Task<IResult> WithBody<T>(HttpContext http, JsonSerializerOptions json, Func<T, Task<IResult>> handle) where T : class
    {
        var (body, problem) = await RequestReader.ReadAsync<T>(http, json);
        return problem ?? await handle(body!);
    }

    private static object Overview(ComplianceOverview o, ComplianceRules rules) => new
    {
        o.Period,
        Sectors = o.Sectors.Select(s => new
        {
            Sector = RequestReader.Snake(s.Sector.ToString()),
            s.Entities,
            ObligationTonnes = s.Obligation,
            SurrenderedAllowancesTonnes = s.SurrenderedAllowances,
            OffsetsUsedTonnes = s.OffsetsUsed,
            ShortfallTonnes = s.Shortfall,
            s.Compliant,
            s.NotCompliant,
        }),
        Entities = o.Rows.Select(r => new
        {
            Entity = r.Entity.Name,
            Sector = RequestReader.Snake(r.Entity.Sector.ToString()),
            r.Entity.Province,
            Status = View(r.Record, rules),
        }),
    };

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
