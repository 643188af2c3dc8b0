using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Application.Article6;
using OpenCcer.Core.Article6;
using OpenCcer.Core.Registry;
using OpenCcer.Server.People;
using OpenCcer.Storage;

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
        services.AddSingleton<Article6UseCases>();
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

    private static async Task<IResult> Authorize(HttpContext http, Article6UseCases article6, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<AuthorizationRequest>(http, json);
        return problem ?? (await article6.AuthorizeAsync(Caller.Of(http.User), body!, http.RequestAborted)).ToResult();
    }

    private static async Task<IResult> Transfer(HttpContext http, Article6UseCases article6, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<InternationalTransferRequest>(http, json);
        return problem ?? (await article6.TransferAsync(Caller.Of(http.User), body!, http.RequestAborted)).ToResult();
    }

    private static async Task<IResult> Report(HttpContext http, Article6UseCases article6, IConfiguration configuration, SerialFormat serials,
        int year, string? format, string? table) =>
        (await article6.ReportAsync(Caller.Of(http.User), year, configuration["Article6:ReportingParty"] ?? "China", serials, format, table,
            http.RequestAborted)).ToResult(f => TypedResults.File(f.Content, f.ContentType, f.FileName));
}
