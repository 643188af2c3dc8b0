using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Core.Methodologies;
using OpenCcer.Core.Methodologies.GridPower;

namespace OpenCcer.Server.Api;

/// <summary>
/// Methodology catalogue, grid factors and pure calculations under <c>/api/v1</c>. Calculations are
/// anonymous: they read nothing but reference data and the request. Errors are RFC 9457 problem
/// details whose <c>type</c> comes from <see cref="Problems"/>; bad input is never a 500.
/// </summary>
public static class MethodologyEndpoints
{
    /// <summary>Largest calculation request body; a 10-year monthly dataset or a 100,000-tree inventory fits.</summary>
    public const int RequestBytesMax = 16 * 1024 * 1024;

    public static IEndpointRouteBuilder MapMethodologyEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AllowAnonymous();
        api.MapGet("/methodologies", (HttpContext context) =>
            Json(Reference(context).Catalogue.Entries.Select(e => Describe(e, Reference(context))).ToArray()));
        api.MapGet("/methodologies/{code}", (string code, HttpContext context) =>
            Reference(context).Catalogue.Find(code) is { } entry
                ? Json(Describe(entry, Reference(context)))
                : Problems.For(CalculationStatus.UnknownMethodology, CalculationOutcome.UnknownMethodology(code).Errors));
        api.MapPost("/methodologies/{code}/calculate", Calculate);
        api.MapGet("/grid-factors", (HttpContext context) => Json(Reference(context).GridFactors.Rows));
        app.MapPost("/api/v1/grid-factors", AddGridFactor).RequireAuthorization(RegistryEndpoints.AdministratorPolicy)
            .Accepts<GridFactorRequest>("application/json").WithTags("Methodologies")
            .WithSummary("Add a newly published grid-factor year (registry administrator), with the publication it came from.");
        return app;
    }

    private static async Task<IResult> Calculate(string code, HttpContext context)
    {
        // Inventories are larger than ordinary requests: lift the server-wide body limit for this endpoint.
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = RequestBytesMax;
        var reference = Reference(context);
        if (MethodologyCalculators.Find(code, reference.Catalogue) is not { } calculator)
        {
            return Problems.For(CalculationStatus.UnknownMethodology, CalculationOutcome.UnknownMethodology(code).Errors);
        }
        if (context.Request.ContentLength > RequestBytesMax)
        {
            return Problems.TooLarge(RequestBytesMax);
        }
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            if (body.Length + read > RequestBytesMax)
            {
                return Problems.TooLarge(RequestBytesMax);
            }
            body.Write(buffer, 0, read);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException e)
        {
            return Problems.For(CalculationStatus.InvalidInput, [new FieldError("$", $"the body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine})")]);
        }
        using (document)
        {
            var outcome = calculator.CalculateJson(document.RootElement, reference);
            return outcome.Status == CalculationStatus.Ok ? Json(outcome.Result!) : Problems.For(outcome.Status, outcome.Errors);
        }
    }

    private static object Describe(MethodologyInfo e, MethodologyReferenceData reference) => new
    {
        e.Code,
        e.NameZh,
        e.NameEn,
        e.Sector,
        e.Version,
        e.InForce,
        e.CreditingYearsMin,
        e.CreditingYearsMax,
        e.AdditionalityExempt,
        e.RetiredOn,
        e.Source,
        HasCalculator = MethodologyCalculators.Find(e.Code, reference.Catalogue) is not null,
    };

    /// <summary>A host may register its own tables (e.g. grid factors with a newly published year).</summary>
    private static MethodologyReferenceData Reference(HttpContext context) =>
        context.RequestServices.GetService<ReferenceDataHolder>()?.Current ?? MethodologyReferenceData.Shipped();

    private static async Task<IResult> AddGridFactor(HttpContext context, ReferenceDataHolder holder, Storage.LedgerStore store,
        JsonSerializerOptions json, TimeProvider time)
    {
        var (body, problem) = await RequestReader.ReadAsync<GridFactorRequest>(context, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var grid = r.Required("grid", body!.Grid);
        var gridZh = r.Required("grid_zh", body.GridZh);
        var year = r.Required("year", body.Year);
        var om = r.Required("om_tco2_per_mwh", body.OmTco2PerMwh);
        var bm = r.Required("bm_tco2_per_mwh", body.BmTco2PerMwh);
        var status = r.Required("status", body.Status);
        var source = r.Required("source", body.Source);
        if (r.HasErrors) return r.Refusal().ToProblem();
        var addition = await holder.AddAsync(store, new GridFactorRow(grid.Trim(), gridZh.Trim(), year, om, bm, status.Trim(), source.Trim()),
            context.User.Identity?.Name ?? "unknown", time.GetUtcNow(), context.RequestAborted);
        return addition.Status switch
        {
            GridFactorAdditionStatus.Added => TypedResults.Created($"/api/v1/grid-factors", new { grid, year, om_tco2_per_mwh = om, bm_tco2_per_mwh = bm, status, source }),
            GridFactorAdditionStatus.DuplicateYear => TypedResults.Problem(statusCode: 409, title: "That grid and year are already published.",
                type: "/problems/grid-factor-exists", detail: string.Join("; ", addition.Errors.Select(e => e.ToString()))),
            _ => Problems.For(CalculationStatus.InvalidInput, addition.Errors),
        };
    }

    private static IResult Json(object value) => Results.Content(MethodologyJson.Serialize(value), "application/json");
}
