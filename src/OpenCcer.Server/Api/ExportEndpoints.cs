using OpenCcer.Application;
using OpenCcer.Application.Exports;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;

namespace OpenCcer.Server.Api;

/// <summary>
/// Public exports: every public list as CSV, JSON or XLSX, and projects, issuances and unit blocks in the
/// CAD Trust data shape. The same tables as <c>ccer export</c>.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup("/api/v1/public/exports").WithTags("Public").AllowAnonymous();
        pub.MapGet("/cad-trust", async (LedgerStore store, SerialFormat format, CancellationToken ct) =>
                TypedResults.Text(CadTrust.Serialize(await CadTrust.LoadAsync(store, format, ct)), "application/json; charset=utf-8"))
            .WithSummary("Projects, issuances and unit blocks in the CAD Trust data shape (JSON).");
        pub.MapGet("/{list}", async Task<IResult> (LedgerStore store, SerialFormat serials, string list, string? format, CancellationToken ct) =>
            {
                var r = new Fields();
                var fileFormat = format is null ? ExportFormat.Csv : r.Enum<ExportFormat>("format", format);
                if (r.HasErrors) return r.Refusal().ToProblem();
                var table = await PublicListTables.LoadAsync(store, serials, list, ct);
                if (table is null) return Problems.NotFound($"No list '{list}'. Lists: {string.Join(", ", PublicListTables.Names)}, and cad-trust.");
                return TypedResults.File(ExportWriter.Write(table, fileFormat), ExportWriter.ContentType(fileFormat),
                    $"openccer-{table.Name}.{ExportWriter.Extension(fileFormat)}");
            })
            .WithSummary("A public list (projects, issuances, units, cancellations, totals) as CSV, JSON or XLSX (?format=).");
        return app;
    }
}
