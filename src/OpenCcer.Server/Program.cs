using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;
using OpenCcer.Server;
using OpenCcer.Server.Api;
using OpenCcer.Server.People;
using OpenCcer.Server.Security;
using OpenCcer.Server.Web;
using OpenCcer.Storage;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);

var json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
{
    PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    MaxDepth = 32,
    Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
};
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.PropertyNamingPolicy = json.PropertyNamingPolicy;
    o.SerializerOptions.MaxDepth = json.MaxDepth;
    foreach (var c in json.Converters) o.SerializerOptions.Converters.Add(c);
});
OpenCcer.Storage.Lifecycle.LifecycleJson.AddConverters(json);
builder.Services.ConfigureHttpJsonOptions(o => OpenCcer.Storage.Lifecycle.LifecycleJson.AddConverters(o.SerializerOptions));
builder.Services.AddSingleton(json);

var connectionString = builder.Configuration.GetConnectionString("Registry") ?? "Data Source=data/openccer.db";
var store = LedgerStore.Open(connectionString);
var time = ServerClock.From(builder.Configuration, TimeProvider.System);
var engine = await RegistryEngine.StartAsync(store, time);
ServerClock.RefuseStartBefore(await store.LastRecordedInstantAsync(), builder.Configuration, time);
builder.Services.AddSingleton(store);
builder.Services.AddSingleton(engine);
await builder.AddExchangeAsync(engine);
builder.Services.AddSingleton(await ReferenceDataHolder.LoadAsync(store));
builder.Services.AddSingleton(time);
builder.Services.AddSingleton(await store.Reference.CalendarAsync());
builder.Services.AddSingleton(sp => new OpenCcer.Storage.Lifecycle.LifecycleService(store, engine,
    sp.GetRequiredService<OpenCcer.Core.Calendar.WorkingDayCalendar>(),
    () => sp.GetRequiredService<ReferenceDataHolder>().Current.Catalogue, sp.GetRequiredService<TimeProvider>()));
builder.Services.AddSingleton<OpenCcer.Application.Lifecycle.ProjectHandlers>();
builder.Services.AddSingleton<OpenCcer.Application.Lifecycle.ReductionHandlers>();
builder.Services.AddSingleton(sp => new OpenCcer.Application.Documents.DocumentHandlers(store, sp.GetRequiredService<TimeProvider>(),
    OpenCcer.Server.Documents.DocumentSettings.Limits(sp.GetRequiredService<IConfiguration>())));
builder.Services.AddSingleton(new SerialFormat(builder.Configuration["Registry:SerialFormat"] ?? SerialFormat.Default.Template));

builder.Services.AddAuthentication(PeopleAuthentication.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(RegistryEndpoints.ReaderPolicy, p => p.RequireAuthenticatedUser())
    .AddPolicy(RegistryEndpoints.AdministratorPolicy, p => p.RequireRole(Roles.RegistryAdministrator));
builder.Services.AddPeople(builder.Configuration);
builder.Services.AddPeopleUseCases();
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
{
    var status = c.ProblemDetails.Status ?? c.HttpContext.Response.StatusCode;
    if (c.ProblemDetails.Type is null || c.ProblemDetails.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal))
        c.ProblemDetails.Type = Problems.ForHttpStatus(status);
    if (c.Exception is StoreUnavailableException)
    {
        c.ProblemDetails.Status = 503;
        c.HttpContext.Response.StatusCode = 503;
        c.ProblemDetails.Type = Problems.StoreUnavailable;
    }
});
builder.Services.AddOpenApi();
builder.Services.AddCompliance(builder.Configuration);
builder.Services.AddOpenCcerWeb();
builder.Services.AddArticle6(builder.Configuration);

var app = builder.Build();
app.UseSecurityHeaders();
app.UseCrossSiteRequestCheck();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference().AllowAnonymous();
app.UseOpenCcerWeb();
app.MapGet("/health", (RegistryEngine e) => TypedResults.Ok(new { Status = "ok", Store = e.Store.Provider, JournalRows = e.Sequence }))
    .WithTags("Health").AllowAnonymous();
app.MapRegistryEndpoints();
app.MapPublicEndpoints();
app.MapMethodologyEndpoints();
app.MapProjectEndpoints();
app.MapReductionEndpoints();
app.MapDocumentEndpoints();
app.MapPeopleEndpoints();
app.MapCertificateEndpoints();
app.MapComplianceEndpoints();
app.MapExportEndpoints();
app.MapExportJobEndpoints();
app.MapImportJobEndpoints();
app.MapExchangeEndpoints();
app.MapStatisticsEndpoints();
app.MapArticle6Endpoints();

if (builder.Configuration.GetValue("Registry:SeedDemoData", true))
{
    var applied = await DemoSeed.RunAsync(engine);
    app.Logger.LogInformation("Demo data: {Applied} new operations. Demo API keys: {Keys}", applied,
        string.Join(", ", DemoSeed.Keys.Select(k => $"{k.Key} ({k.Role})")));
    await DemoPeople.RunAsync(app.Services);
    await OpenCcer.Storage.Exchange.ExchangeDemoSeed.RunAsync(app.Services.GetRequiredService<OpenCcer.Storage.Exchange.ExchangeEngine>(),
        app.Services.GetRequiredService<OpenCcer.Storage.Exchange.ISettlementBank>());
    app.Logger.LogInformation("Demo people (password {Password}): {People}", DemoPeople.Password,
        string.Join(", ", DemoPeople.People.Select(p => p.UserName)));
}
app.Lifetime.ApplicationStopped.Register(() => engine.DisposeAsync().AsTask().GetAwaiter().GetResult());
app.Run();

/// <summary>The server's entry point, public so integration tests can host it.</summary>
public partial class Program;
