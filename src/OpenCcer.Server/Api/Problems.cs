using OpenCcer.Application;
using OpenCcer.Core.Methodologies;
using OpenCcer.Core.Registry;

namespace OpenCcer.Server.Api;

/// <summary>
/// The API's one mapping from a refusal to RFC 9457 problem details: the kind decides the HTTP status, the
/// refusal carries type, title and detail; <c>status_code</c>, <c>errors</c> and any facts become extensions.
/// The refusals themselves, and which status is which kind, are the application's (<see cref="Refusals"/>).
/// </summary>
public static class Problems
{
    public const string InvalidInput = Refusals.InvalidInput;
    public const string StoreUnavailable = Refusals.StoreUnavailableType;

    public static int HttpStatus(RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => StatusCodes.Status400BadRequest,
        RefusalKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        RefusalKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        RefusalKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        RefusalKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A refusal kind without an HTTP status."),
    };

    /// <summary>The problem details of a refusal.</summary>
    public static IResult ToProblem(this Refusal refusal)
    {
        var extensions = new Dictionary<string, object?>();
        if (refusal.StatusCode is { } code) extensions["status_code"] = code;
        if (refusal.Errors is { } errors) extensions["errors"] = errors as IDictionary<string, string[]> ?? errors.ToDictionary();
        if (refusal.Facts is { } facts) foreach (var (name, value) in facts) extensions[name] = value;
        return TypedResults.Problem(detail: refusal.Detail, statusCode: HttpStatus(refusal.Kind), title: refusal.Title, type: refusal.Type,
            extensions: extensions);
    }

    /// <summary>The handler's value as a 200 answer through <paramref name="view"/>, or its refusal as a problem.</summary>
    public static IResult ToResult<T>(this Outcome<T> outcome, Func<T, IResult> view) => outcome.IsOk ? view(outcome.Value!) : outcome.Refusal!.ToProblem();

    /// <summary>The handler's value as a 200 answer, or its refusal as a problem.</summary>
    public static IResult ToResult<T>(this Outcome<T> outcome) => outcome.ToResult(v => TypedResults.Ok(v));

    public static IResult For(LedgerStatus status, string? detail = null, long? existingId = null) => Refusals.Of(status, detail, existingId).ToProblem();

    public static IResult Invalid(IDictionary<string, string[]> errors, string? detail = null) =>
        Refusals.Invalid(errors.AsReadOnly(), detail).ToProblem();

    public static IResult Invalid(string field, string message) => Refusals.Invalid(field, message).ToProblem();

    public static IResult NotFound(string what) => Refusals.NotFound(what).ToProblem();

    public static IResult For(CalculationStatus status, IReadOnlyList<FieldError> errors) => Refusals.Of(status, errors).ToProblem();

    public static IResult For(WorkflowStatus status, string? detail = null) => Refusals.Of(status, detail).ToProblem();

    public static IResult TooLarge(int bytesMax) => TypedResults.Problem(
        detail: $"The body is larger than {bytesMax} bytes.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        type: "/problems/payload-too-large");

    /// <summary>A 429: <paramref name="runningMax"/> background jobs of a kind (<paramref name="jobs"/>: "exports", "imports") already run.</summary>
    public static IResult JobsBusy(string jobs, int runningMax, string title, string type) => TypedResults.Problem(
        detail: $"At most {runningMax} {jobs} run at once; try again in a moment.",
        statusCode: StatusCodes.Status429TooManyRequests, title: title, type: type);

    /// <summary>Problem types for responses produced by the framework (no body of their own).</summary>
    public static string ForHttpStatus(int status) => status switch
    {
        400 => InvalidInput,
        401 => "/problems/unauthenticated",
        403 => "/problems/forbidden",
        404 => "/problems/not-found",
        405 => "/problems/method-not-allowed",
        413 => "/problems/payload-too-large",
        415 => "/problems/unsupported-media-type",
        429 => "/problems/too-many-requests",
        503 => StoreUnavailable,
        _ => status >= 500 ? "/problems/internal-error" : "/problems/http-" + status,
    };
}
