using System.Text.Json;

namespace OpenCcer.Reliability.Tests;

/// <summary>A parameter or body property of an operation: its name and the JSON type and format the document gives it.</summary>
public sealed record FieldShape(string Name, string Type, string? Format);

/// <summary>One operation of the OpenAPI document: method, path template, parameters and JSON body properties.</summary>
public sealed record OpenApiOperation(string Method, string Path, IReadOnlyList<FieldShape> PathParameters,
    IReadOnlyList<FieldShape> QueryParameters, IReadOnlyList<FieldShape>? BodyProperties)
{
    /// <summary>Reads every operation of an OpenAPI 3 document (as served at <c>/openapi/v1.json</c>).</summary>
    public static List<OpenApiOperation> Read(JsonElement document)
    {
        var schemas = document.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default;
        var operations = new List<OpenApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                var parameters = op.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
                FieldShape Shape(JsonElement e) => new(e.GetProperty("name").GetString()!, TypeOf(e.GetProperty("schema")), FormatOf(e.GetProperty("schema")));
                List<FieldShape>? body = null;
                if (op.Value.TryGetProperty("requestBody", out var rb) && rb.GetProperty("content").TryGetProperty("application/json", out var media))
                {
                    var schema = media.GetProperty("schema");
                    if (schema.TryGetProperty("$ref", out var reference) && schemas.ValueKind == JsonValueKind.Object)
                        schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
                    body = schema.TryGetProperty("properties", out var props)
                        ? props.EnumerateObject().Select(x => new FieldShape(x.Name, TypeOf(x.Value), FormatOf(x.Value))).ToList()
                        : [];
                }
                operations.Add(new OpenApiOperation(op.Name.ToUpperInvariant(), path.Name,
                    parameters.Where(x => x.GetProperty("in").GetString() == "path").Select(Shape).ToList(),
                    parameters.Where(x => x.GetProperty("in").GetString() == "query").Select(Shape).ToList(), body));
            }
        }
        return operations;
    }

    /// <summary>The most specific type named: integer before number before the rest; "string" when none.</summary>
    private static string TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type)) return schema.TryGetProperty("$ref", out _) ? "object" : "string";
        var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
        foreach (var preferred in new[] { "integer", "number", "boolean", "array", "object", "string" })
            if (names.Contains(preferred)) return preferred;
        return "string";
    }

    private static string? FormatOf(JsonElement schema) => schema.TryGetProperty("format", out var f) ? f.GetString() : null;
}
