using System.Text.Json;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;

namespace OpenCcer.Application;

/// <summary>
/// Checks the fields of one request and collects errors by field name, so bad input is refused with a
/// message per field that says what to fix. Handlers use it; the API and the portal show the same errors.
/// </summary>
public sealed class Fields
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public bool HasErrors => errors.Count > 0;

    /// <summary>The refusal naming every bad field.</summary>
    public Refusal Refusal() => Refusals.Invalid(new Dictionary<string, string[]>(errors, StringComparer.Ordinal));

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

    /// <summary>The instrument named by <c>project_code</c> and <c>vintage</c>, and its <c>quantity_tonnes</c>.</summary>
    public (Instrument Instrument, long Quantity) Units(string? projectCode, int? vintage, long? quantityTonnes) =>
        (Instrument(projectCode, vintage), Quantity("quantity_tonnes", quantityTonnes));

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

    /// <summary>A name as the API writes it: <c>snake_case</c>.</summary>
    public static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
