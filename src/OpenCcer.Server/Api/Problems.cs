using System.Text;
using OpenCcer.Core.Methodologies;
using OpenCcer.Core.Registry;

namespace OpenCcer.Server.Api;

/// <summary>
/// The one table that maps each ledger status to an HTTP status code and a stable problem type
/// (<c>/problems/{kebab-case-status}</c>). The CLI maps the same statuses to exit codes.
/// </summary>
public static class Problems
{
    public const string InvalidInput = "/problems/invalid-input";
    public const string IdempotencyConflict = "/problems/idempotency-conflict";
    public const string StoreUnavailable = "/problems/store-unavailable";

    public static int HttpStatus(LedgerStatus status) => status switch
    {
        LedgerStatus.Ok => StatusCodes.Status200OK,
        LedgerStatus.Exists or LedgerStatus.ExistsWithDifferentQuantity or LedgerStatus.ExistsWithDifferentData
            or LedgerStatus.SubjectHasAccount => StatusCodes.Status409Conflict,
        LedgerStatus.QuantityMustBePositive or LedgerStatus.QuantityTooLarge or LedgerStatus.ProjectCodeInvalid
            or LedgerStatus.VintageOutOfRange or LedgerStatus.TextRequired or LedgerStatus.TextTooLong
            or LedgerStatus.EnumValueInvalid or LedgerStatus.LegalReasonRequired
            or LedgerStatus.AuthorityReferenceRequired => StatusCodes.Status400BadRequest,
        LedgerStatus.AccountNotFound or LedgerStatus.ReservationNotFound or LedgerStatus.FreezeNotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status409Conflict,
    };

    public static string Type(LedgerStatus status) => TypeOf(status.ToString());

    /// <summary>The problem type for a status name: <c>/problems/{kebab-case}</c>.</summary>
    public static string TypeOf(string statusName) => "/problems/" + Kebab(statusName);

    /// <summary>A readable title from a status name ("NoticePeriodNotOver" → "Notice period not over.").</summary>
    public static string TitleOf(string statusName) => SplitWords(statusName) + ".";

    public static string Title(LedgerStatus status) => status switch
    {
        LedgerStatus.InsufficientUnits => "Not enough available units.",
        LedgerStatus.UnitsFrozen => "The units are judicially frozen.",
        LedgerStatus.AccountFrozen => "The account is judicially frozen.",
        LedgerStatus.AccountRestricted => "The account is restricted.",
        LedgerStatus.AccountClosed => "The account is closed.",
        LedgerStatus.LegalReasonRequired => "Units move between holders only by trading, inheritance or court enforcement.",
        _ => SplitWords(status.ToString()) + ".",
    };

    private static string Kebab(string name) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);

    private static string SplitWords(string name)
    {
        var kebab = Kebab(name).Replace('-', ' ');
        return char.ToUpperInvariant(kebab[0]) + kebab[1..];
    }

    /// <summary>A problem for one status of the ledger.</summary>
    public static IResult For(LedgerStatus status, string? detail = null, long? existingId = null) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: HttpStatus(status),
            title: Title(status),
            type: Type(status),
            extensions: new Dictionary<string, object?> { ["status_code"] = status.ToString(), ["existing_id"] = existingId });

    /// <summary>A 400 naming each bad field.</summary>
    public static IResult Invalid(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.Problem(
            detail: detail ?? "The request has invalid fields.",
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid input.",
            type: InvalidInput,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static IResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult NotFound(string what) => TypedResults.Problem(
        detail: what, statusCode: StatusCodes.Status404NotFound, title: "Not found.", type: "/problems/not-found");

    /// <summary>
    /// People change accounts and cancel units only through maker-checker requests (an initiator and a
    /// different confirmer); the direct endpoints serve systems whose keys act for no person.
    /// </summary>
    public static IResult MakerCheckerRequired(string requestsPath) => TypedResults.Problem(
        detail: $"A person's change needs a second person to confirm it: create a request at {requestsPath}.",
        statusCode: StatusCodes.Status403Forbidden, title: "Maker-checker required.", type: "/problems/maker-checker-required");

    public const string ReservationOwnedByExchangeType = "/problems/reservation-owned-by-exchange";

    /// <summary>
    /// A reservation that holds units for an exchange listing, proposal, bid or trade is released and
    /// delivered by the exchange alone: anything else would leave the venue's books out of step with the ledger.
    /// </summary>
    public static IResult ReservationOwnedByExchange(long id) => TypedResults.Problem(
        detail: $"Reservation {id} holds units for the exchange: cancel the order on the exchange, or let settlement deliver it.",
        statusCode: StatusCodes.Status409Conflict, title: "The reservation belongs to the exchange.", type: ReservationOwnedByExchangeType);

    public static IResult Forbidden(string why) => TypedResults.Problem(
        detail: why, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", type: "/problems/forbidden");

    private static readonly Dictionary<CalculationStatus, (int Status, string Type, string Title)> CalculationTable = new()
    {
        [CalculationStatus.InvalidInput] = (StatusCodes.Status400BadRequest, InvalidInput, "The input is invalid."),
        [CalculationStatus.NotApplicable] = (StatusCodes.Status422UnprocessableEntity, "/problems/not-applicable", "The methodology does not apply to this project."),
        [CalculationStatus.UnknownMethodology] = (StatusCodes.Status404NotFound, "/problems/unknown-methodology", "No such methodology."),
    };

    /// <summary>A problem for a methodology calculation outcome; field errors go in <c>errors</c>.</summary>
    public static IResult For(CalculationStatus status, IReadOnlyList<FieldError> errors)
    {
        var (code, type, title) = CalculationTable[status];
        var byField = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        return TypedResults.Problem(
            detail: string.Join("; ", errors.Select(e => e.ToString())),
            statusCode: code,
            title: title,
            type: type,
            extensions: new Dictionary<string, object?> { ["errors"] = byField });
    }

    private static readonly Dictionary<WorkflowStatus, (int Status, string Title)> WorkflowTable = new()
    {
        [WorkflowStatus.SignInFailed] = (StatusCodes.Status401Unauthorized, "The user name or password is wrong."),
        [WorkflowStatus.LockedOut] = (StatusCodes.Status403Forbidden, "Too many failed sign-ins: the user is locked out for a while."),
        [WorkflowStatus.SignInNotAllowed] = (StatusCodes.Status403Forbidden, "This user may not sign in."),
        [WorkflowStatus.PersonRequired] = (StatusCodes.Status403Forbidden, "This step is recorded against a person: sign in, or use a key issued to a user."),
        [WorkflowStatus.OtherOrganisation] = (StatusCodes.Status403Forbidden, "This belongs to another organisation."),
        [WorkflowStatus.ConfirmerIsInitiator] = (StatusCodes.Status403Forbidden, "The confirmer must be a different person from the initiator."),
        [WorkflowStatus.OrganisationNotFound] = (StatusCodes.Status404NotFound, "No such organisation."),
        [WorkflowStatus.UserNotFound] = (StatusCodes.Status404NotFound, "No such user."),
        [WorkflowStatus.ApplicationNotFound] = (StatusCodes.Status404NotFound, "No such account application."),
        [WorkflowStatus.RequestNotFound] = (StatusCodes.Status404NotFound, "No such request."),
        [WorkflowStatus.SubjectIdTaken] = (StatusCodes.Status409Conflict, "An organisation with this subject id exists."),
        [WorkflowStatus.UserNameTaken] = (StatusCodes.Status409Conflict, "The user name is taken."),
        [WorkflowStatus.ApplicationOpen] = (StatusCodes.Status409Conflict, "The subject already has an open account application."),
        [WorkflowStatus.StateConflict] = (StatusCodes.Status409Conflict, "Not possible in the current state."),
        [WorkflowStatus.CalendarYearUnknown] = (StatusCodes.Status503ServiceUnavailable, "The working-day calendar does not cover the dates needed."),
    };

    /// <summary>A problem for a sign-in, administration or workflow outcome; the type is <c>/problems/{kebab-case-status}</c>.</summary>
    public static IResult For(WorkflowStatus status, string? detail = null)
    {
        var (code, title) = WorkflowTable[status];
        return TypedResults.Problem(detail: detail, statusCode: code, title: title, type: "/problems/" + Kebab(status.ToString()),
            extensions: new Dictionary<string, object?> { ["status_code"] = status.ToString() });
    }

    public static IResult TooLarge(int bytesMax) => TypedResults.Problem(
        detail: $"The body is larger than {bytesMax} bytes.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        type: "/problems/payload-too-large");

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
