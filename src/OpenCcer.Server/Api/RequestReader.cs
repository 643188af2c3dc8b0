using System.Text.Json;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;

namespace OpenCcer.Server.Api;

/// <summary>
/// Reads a JSON body and collects field errors by name, so malformed or overflowing input is a 400 that
/// says what to fix, never a 500.
/// </summary>
public sealed class RequestReader
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public bool HasErrors => errors.Count > 0;

    public IResult Problem() => Problems.Invalid(errors);

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

    public void Fail(string field, string message) => errors[field] = [message];

    public string OperationId(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) Fail("operation_id", "Required: a client-chosen id that makes retries safe.");
        else if (value.Length > RegistryEngine.OperationIdLengthMax) Fail("operation_id", $"At most {RegistryEngine.OperationIdLengthMax} characters.");
        return value ?? "";
    }

    public T Required<T>(string field, T? value) where T : struct
    {
        if (value is null) Fail(field, "Required.");
        return value ?? default;
    }

    public string Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) Fail(field, "Required.");
        return value ?? "";
    }

    /// <summary>The instrument named by <c>project_code</c> and <c>vintage</c>.</summary>
    public Instrument Instrument(string? projectCode, int? vintage) =>
        new(Required("project_code", projectCode), Required("vintage", vintage));

    /// <summary>Earliest and latest business dates the registry accepts in a request.</summary>
    public static readonly DateOnly DateMin = new(1990, 1, 1);
    public static readonly DateOnly DateMax = new(2100, 12, 31);

    /// <summary>A required business date within <see cref="DateMin"/>..<see cref="DateMax"/>.</summary>
    public DateOnly Date(string field, DateOnly? value)
    {
        if (value is null) Fail(field, "Required: a date, yyyy-MM-dd.");
        else if (value < DateMin || value > DateMax) Fail(field, $"Must be between {DateMin:yyyy-MM-dd} and {DateMax:yyyy-MM-dd}.");
        return value ?? default;
    }

    /// <summary>A required text of at most <paramref name="lengthMax"/> characters.</summary>
    public string Text(string field, string? value, int lengthMax)
    {
        var text = Required(field, value);
        if (text.Length > lengthMax) Fail(field, $"At most {lengthMax} characters.");
        return text;
    }

    public long Quantity(string field, long? value)
    {
        if (value is null) Fail(field, "Required: whole tonnes, at least 1.");
        else if (value <= 0) Fail(field, "Must be at least 1 tonne.");
        else if (value > LedgerLimits.QuantityMax) Fail(field, $"At most {LedgerLimits.QuantityMax} tonnes.");
        return value ?? 0;
    }

    public TEnum Enum<TEnum>(string field, string? value) where TEnum : struct, Enum
    {
        if (value is not null)
        {
            var normalized = value.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (System.Enum.TryParse<TEnum>(normalized, ignoreCase: true, out var parsed) && !int.TryParse(normalized, out _)
                && System.Enum.IsDefined(parsed))
                return parsed;
        }
        var names = string.Join(", ", System.Enum.GetNames<TEnum>().Select(Snake));
        Fail(field, $"One of: {names}.");
        return default;
    }

    public static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
