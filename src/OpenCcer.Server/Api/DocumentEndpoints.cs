using Microsoft.Net.Http.Headers;
using OpenCcer.Application;
using OpenCcer.Application.Documents;
using OpenCcer.Server.Documents;

namespace OpenCcer.Server.Api;

/// <summary>
/// Documents of projects and reductions, each request one call of <see cref="DocumentHandlers"/>: who may
/// upload which kind, the type check by the bytes, the limits and the disclosure are the handler's. Only
/// reading the multipart body is the server's (<see cref="DocumentUploadReader"/>).
/// </summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var limits = app.ServiceProvider.GetRequiredService<DocumentHandlers>().Limits;
        var pub = app.MapGroup("/api/v1").WithTags("Documents").AllowAnonymous();
        pub.MapGet("/projects/{id:guid}/documents", List)
            .WithSummary("The documents of a project with their SHA-256: disclosed ones for the public, all for the owner, its VVBs, the registry and the regulator.");
        pub.MapGet("/documents/{id:guid}", Get).WithSummary("A document's metadata and SHA-256.");
        pub.MapGet("/documents/{id:guid}/content", Content).WithSummary("Download a document's bytes; the ETag is its SHA-256.");

        var api = app.MapGroup("/api/v1").WithTags("Documents").RequireAuthorization(RegistryEndpoints.ReaderPolicy);
        api.MapPost("/projects/{id:guid}/documents", Upload)
            .WithSummary($"Upload a document as multipart/form-data (kind, reduction_id, file); at most {limits.SizeMaxBytes} bytes, "
                + $"{limits.PerProjectMax} per project, types {DocumentTypes.Allowed} checked by their bytes.");
        return app;
    }

    private static async Task<IResult> Upload(HttpContext http, DocumentHandlers documents, Guid id)
    {
        var outcome = await documents.UploadAsync(Caller.Of(http.User), id,
            ct => DocumentUploadReader.ReadAsync(http.Request, documents.Limits, ct), http.RequestAborted);
        return outcome.ToResult(v => TypedResults.Created($"/api/v1/documents/{v.Document.Id}", DocumentViews.Document(v)));
    }

    private static async Task<IResult> List(HttpContext http, DocumentHandlers documents, Guid id) =>
        (await documents.ListAsync(Caller.Of(http.User), id, http.RequestAborted)).ToResult(v => TypedResults.Ok(v.Select(DocumentViews.Document)));

    private static async Task<IResult> Get(HttpContext http, DocumentHandlers documents, Guid id) =>
        (await documents.GetAsync(Caller.Of(http.User), id, http.RequestAborted)).ToResult(v => TypedResults.Ok(DocumentViews.Document(v)));

    private static async Task<IResult> Content(HttpContext http, DocumentHandlers documents, Guid id) =>
        (await documents.ContentAsync(Caller.Of(http.User), id, http.RequestAborted)).ToResult(c =>
        {
            var document = c.Visible.Document;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.File(c.Bytes, document.ContentType, document.FileName, entityTag: new EntityTagHeaderValue($"\"{document.Sha256}\""));
        });
}
