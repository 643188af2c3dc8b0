namespace OpenCcer.Application;

/// <summary>
/// Why a use case said no, independent of the door it came through: its kind, a stable problem type
/// (<c>/problems/{kebab-case}</c>), a title a person can read, and what else explains it. The API writes it
/// as RFC 9457 problem details; a page shows it next to the form's fields.
/// </summary>
/// <param name="Kind">What kind of refusal; decides the HTTP status.</param>
/// <param name="Type">The stable problem type.</param>
/// <param name="Title">A short sentence naming the rule.</param>
/// <param name="Detail">The figures or the next step, when there are any.</param>
public sealed record Refusal(RefusalKind Kind, string Type, string Title, string? Detail = null)
{
    /// <summary>The domain status name (<c>InsufficientUnits</c>), for clients and for translated titles.</summary>
    public string? StatusCode { get; init; }

    /// <summary>Messages by field name, for invalid input.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Further named values that explain the refusal (for example <c>existing_id</c>).</summary>
    public IReadOnlyDictionary<string, object?>? Facts { get; init; }

    /// <summary>The same refusal with another detail.</summary>
    public Refusal WithDetail(string? detail) => this with { Detail = detail };
}
