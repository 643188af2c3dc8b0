using System.Text.Json;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;

namespace OpenCcer.Server.Api;

/// <summary>
/// Reads a JSON body, so malformed or overflowing input is a 400 that says what to fix, never a 500. The
/// fields themselves are checked by the handlers (<see cref="OpenCcer.Application.Fields"/>).
/// </summary>
public static class RequestReader
{
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpContext context, JsonSerializerOptions options) where T : class
    {
        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            return (null, TypedResults.Problem(statusCode: 415, title: "Send JSON.", type: Problems.ForHttpStatus(415),
                detail: "The body must be application/json."));
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, options, context.RequestAborted);
            return body is null ? (null, Problems.Invalid("body", "The body must be a JSON object.")) : (body, null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, Problems.Invalid(field, "Malformed JSON or a value of the wrong type or range."));
        }
        catch (BadHttpRequestException e)
        {
            return (null, TypedResults.Problem(statusCode: e.StatusCode, title: "Bad request.", type: Problems.ForHttpStatus(e.StatusCode), detail: e.Message));
        }
    }

    public static string Snake(string name) => OpenCcer.Application.Fields.Snake(name);
}
