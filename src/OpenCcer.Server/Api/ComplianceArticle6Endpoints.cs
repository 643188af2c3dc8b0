using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Application.Exports;
using OpenCcer.Core.Article6;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;
using OpenCcer.Server.People;
using OpenCcer.Storage;
using OpenCcer.Storage.Compliance;

namespace OpenCcer.Server.Api;

/// <summary>
/// Article 6 under <c>/api/v1/article6</c>: the registry administrator authorizes instruments for
/// international use; a holder transfers authorized units to a foreign registry; the registry and the
/// regulator download the annual report (AEF layout) as CSV (one table) or XLSX (all tables). The list of
/// authorizations, which labels the units, is public.
/// </summary>
public static class ComplianceArticle6Endpoints
{
    public static IServiceCollection AddArticle6(this IServiceCollection services, IConfiguration configuration)
    {
        var rules = new Article6Rules(Math.Clamp(configuration.GetValue("Article6:CancellationBasisPoints", Article6Rules.Default.CancellationBasisPoints),
            0, Article6Rules.CancellationBasisPointsMax));
        services.AddSingleton(sp => new Article6Service(sp.GetRequiredService<LedgerStore>(), sp.GetRequiredService<RegistryEngine>(), rules,
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    public static IEndpointRouteBuilder MapArticle6Endpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/article6").WithTags("Article 6").ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        api.MapPost("/authorizations", Authorize).RequireAuthorization(RegistryEndpoints.AdministratorPolicy).Accepts<AuthorizationRequest>("application/json")
            .WithSummary("Authorize a project's vintage for international use, with the first-transfer definition.");
        api.MapPost("/transfers", Transfer).RequireAuthorization(RegistryEndpoints.ReaderPolicy).Accepts<InternationalTransferRequest>("application/json")
            .WithSummary("Transfer authorized units to a foreign registry (the holder); the mitigation share is cancelled with them.");
        api.MapGet("/reports/{year:int}", Report).RequireAuthorization(PeopleAuthentication.SupervisorPolicy)
            .WithSummary("Annual report in the Article 6 AEF layout: ?format=xlsx (all tables) or csv with ?table=authorizations|actions|holdings.");
        app.MapGet("/api/v1/public/article6/authorizations", async (LedgerStore store, CancellationToken ct) =>
                TypedResults.Ok((await store.Compliance.AuthorizationsAsync(ct)).Select(a => new
                {
                    a.Instrument.ProjectCode,
                    a.Instrument.Vintage,
                    a.Reference,
                    FirstTransfer = RequestReader.Snake(a.FirstTransfer.ToString()),
                    Label = "Article 6 authorized",
                    a.AuthorizedAt,
                })))
            .WithTags("Public").AllowAnonymous().WithSummary("Instruments authorized for international use: their units carry this label.");
        return app;
    }

    private static IResult Problem<T>(Article6Outcome<T> outcome, string operationId = "") =>
        outcome.IdempotencyConflict
            ? Refusals.IdempotencyConflict(operationId).WithDetail($"Operation '{operationId}' was used with another body; choose a new operation id.").ToProblem()
            : outcome.LedgerStatus is { } ledger ? Problems.For(ledger) : Refusals.Of(outcome.Status).ToProblem();

    private static async Task<IResult> Authorize(HttpContext http, Article6Service article6, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<AuthorizationRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var instrument = r.Instrument(body!.ProjectCode, body.Vintage);
        var reference = r.Text("reference", body.Reference, Article6Service.TextLengthMax);
        var firstTransfer = r.Enum<FirstTransfer>("first_transfer", body.FirstTransfer);
        if (r.HasErrors) return r.Refusal().ToProblem();
        var outcome = await article6.AuthorizeAsync(instrument, reference, firstTransfer, http.RequestAborted);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : Problem(outcome);
    }

    private static async Task<IResult> Transfer(HttpContext http, Article6Service article6, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<InternationalTransferRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var subject = r.Text("subject_id", body.SubjectId, LedgerLimits.TextLengthMax);
        var instrument = r.Instrument(body.ProjectCode, body.Vintage);
        var tonnes = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        var party = r.Text("acquiring_party", body.AcquiringParty, Article6Service.TextLengthMax);
        var registry = r.Text("foreign_registry", body.ForeignRegistry, Article6Service.TextLengthMax);
        if (r.HasErrors) return r.Refusal().ToProblem();
        var caller = Caller.Of(http.User);
        if (!caller.IsAdministrator && !(Roles.HoldsAccounts(caller.Role) && caller.SubjectId == subject))
            return Problems.Forbidden("Only the holder (or the registry administrator) transfers its units abroad.");
        var outcome = await article6.TransferAsync(op, subject, instrument, tonnes, party, registry, http.RequestAborted);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : Problem(outcome, op);
    }

    private static async Task<IResult> Report(HttpContext http, Article6Service article6, IConfiguration configuration, SerialFormat serials,
        int year, string? format, string? table)
    {
        var r = new Fields();
        var fileFormat = format is null ? ExportFormat.Xlsx : r.Enum<ExportFormat>("format", format);
        if (year is < 2021 or > 2100) r.Fail("year", "From 2021 (the Paris Agreement's first NDC period) to 2100.");
        if (r.HasErrors) return r.Refusal().ToProblem();
        var party = configuration["Article6:ReportingParty"] ?? "China";
        var tables = await article6.AnnualReportAsync(year, party, serials, http.RequestAborted);
        if (fileFormat == ExportFormat.Xlsx)
            return TypedResults.File(XlsxTables.Write(tables), ExportWriter.ContentType(fileFormat), $"article6-aef-{year}.xlsx");
        var one = tables.FirstOrDefault(t => t.Name == (table ?? "actions"));
        if (one is null) return Problems.Invalid("table", "One of: " + string.Join(", ", tables.Select(t => t.Name)) + ".");
        return TypedResults.File(ExportWriter.Write(one, fileFormat), ExportWriter.ContentType(fileFormat), $"article6-aef-{year}-{one.Name}.{ExportWriter.Extension(fileFormat)}");
    }
}

public sealed record AuthorizationRequest(string? ProjectCode, int? Vintage, string? Reference, string? FirstTransfer);

public sealed record InternationalTransferRequest(string? OperationId, string? SubjectId, string? ProjectCode, int? Vintage, long? QuantityTonnes,
    string? AcquiringParty, string? ForeignRegistry);
