using System.Globalization;
using System.Text.Json;

namespace OpenCcer.Core.Methodologies;

/// <summary>
/// Reads one JSON object field by field, collecting an error per bad field (with its full path)
/// instead of stopping at the first. Fields the reader never asked for are reported as unknown, which
/// catches misspellings and wrong units (<c>export_kwh</c> where <c>export_mwh</c> is expected).
/// </summary>
internal sealed class JsonFields
{
    private readonly JsonElement element;
    private readonly string path;
    private readonly List<FieldError> errors;
    private readonly HashSet<string> asked = new(StringComparer.Ordinal);

    private JsonFields(JsonElement element, string path, List<FieldError> errors)
    {
        this.element = element;
        this.path = path;
        this.errors = errors;
    }

    /// <summary>The root reader, or null (with an error) when the document is not an object.</summary>
    internal static JsonFields? Root(JsonElement element, List<FieldError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("$", "the input must be a JSON object"));
            return null;
        }
        return new JsonFields(element, "", errors);
    }

    internal bool Has(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    internal decimal? Decimal(string name, bool required = true, decimal? min = null, decimal? max = null)
    {
        if (Get(name, required) is not { } value)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            return Fail<decimal?>(name, "must be a number");
        }
        if (number < min)
        {
            return Fail<decimal?>(name, min == 0m ? "must not be negative" : $"must be at least {min}");
        }
        if (number > max)
        {
            return Fail<decimal?>(name, $"must be at most {max}");
        }
        return number;
    }

    internal int? Int(string name, bool required, int min, int max)
    {
        if (Get(name, required) is not { } value)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            return Fail<int?>(name, "must be a whole number");
        }
        return number < min || number > max ? Fail<int?>(name, $"must be between {min} and {max}") : number;
    }

    internal string? String(string name, bool required = true)
    {
        if (Get(name, required) is not { } value)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            return Fail<string?>(name, "must be a non-empty string");
        }
        return value.GetString()!.Trim();
    }

    internal bool? Bool(string name, bool required = true)
    {
        if (Get(name, required) is not { } value)
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => Fail<bool?>(name, "must be true or false"),
        };
    }

    internal DateOnly? Date(string name, bool required = true)
    {
        if (String(name, required) is not { } text)
        {
            return null;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : Fail<DateOnly?>(name, "must be a date written yyyy-MM-dd");
    }

    /// <summary>One of <paramref name="allowed"/> (lower-case tokens), or null with an error.</summary>
    internal string? Choice(string name, bool required, params string[] allowed)
    {
        if (String(name, required) is not { } text)
        {
            return null;
        }
        return allowed.Contains(text, StringComparer.Ordinal) ? text : Fail<string?>(name, "must be one of " + string.Join(", ", allowed));
    }

    internal JsonFields? Object(string name, bool required = true)
    {
        if (Get(name, required) is not { } value)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Object
            ? new JsonFields(value, Path(name), errors)
            : Fail<JsonFields?>(name, "must be an object");
    }

    /// <summary>The array's items as objects; an empty list (with errors) when missing or malformed.</summary>
    internal IReadOnlyList<JsonFields> Array(string name, bool required = true, int maxItems = 100_000)
    {
        if (Get(name, required) is not { } value)
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            return Fail<IReadOnlyList<JsonFields>>(name, "must be an array") ?? [];
        }
        if (value.GetArrayLength() > maxItems)
        {
            return Fail<IReadOnlyList<JsonFields>>(name, $"must have at most {maxItems} items") ?? [];
        }
        var items = new List<JsonFields>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{Path(name)}[{i}]";
            if (item.ValueKind == JsonValueKind.Object)
            {
                items.Add(new JsonFields(item, itemPath, errors));
            }
            else
            {
                errors.Add(new FieldError(itemPath, "must be an object"));
            }
            i++;
        }
        return items;
    }

    /// <summary>Reports every field present but never read. Call after reading all fields.</summary>
    internal void RejectUnknown()
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!asked.Contains(property.Name))
            {
                errors.Add(new FieldError(Path(property.Name), "unknown field (check the name and its unit suffix)"));
            }
        }
    }

    internal void Error(string name, string message) => errors.Add(new FieldError(Path(name), message));

    internal string Path(string name) => path.Length == 0 ? name : $"{path}.{name}";

    private JsonElement? Get(string name, bool required)
    {
        asked.Add(name);
        if (element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }
        if (required)
        {
            errors.Add(new FieldError(Path(name), "is required"));
        }
        return null;
    }

    private T? Fail<T>(string name, string message)
    {
        errors.Add(new FieldError(Path(name), message));
        return default;
    }
}
