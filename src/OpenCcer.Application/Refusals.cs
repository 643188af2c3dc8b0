using System.Text.Json;
using OpenCcer.Core.Compliance;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Methodologies;
using OpenCcer.Core.Registry;

namespace OpenCcer.Application;

/// <summary>
/// The one table of refusals: each status of the ledger, the exchange, the lifecycles, compliance and the
/// workflows maps here to a kind (hence one HTTP status) and a stable problem type
/// <c>/problems/{kebab-case-status}</c>. The CLI maps the same statuses to exit codes.
/// </summary>
public static class Refusals
{
    public const string InvalidInput = "/problems/invalid-input";
    public const string IdempotencyConflictType = "/problems/idempotency-conflict";
    public const string StoreUnavailableType = "/problems/store-unavailable";
    public const string ReservationOwnedByExchangeType = "/problems/reservation-owned-by-exchange";

    /// <summary>The problem type for a status name: <c>/problems/{kebab-case}</c>.</summary>
    public static string TypeOf(string statusName) => "/problems/" + Kebab(statusName);

    /// <summary>A readable title from a status name ("NoticePeriodNotOver" → "Notice period not over.").</summary>
    public static string TitleOf(string statusName) => SplitWords(statusName) + ".";

    private static string Kebab(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);

    private static string SplitWords(string name)
    {
        var kebab = Kebab(name).Replace('-', ' ');
        return char.ToUpperInvariant(kebab[0]) + kebab[1..];
    }

    private static Refusal Status(RefusalKind kind, string statusName, string title, string? detail = null,
        IReadOnlyDictionary<string, object?>? facts = null) =>
        new(kind, TypeOf(statusName), title, detail) { StatusCode = statusName, Facts = facts };

    // ---- Ledger -------------------------------------------------------------------------------------

    public static RefusalKind KindOf(LedgerStatus status) => status switch
    {
        LedgerStatus.QuantityMustBePositive or LedgerStatus.QuantityTooLarge or LedgerStatus.ProjectCodeInvalid
            or LedgerStatus.VintageOutOfRange or LedgerStatus.TextRequired or LedgerStatus.TextTooLong
            or LedgerStatus.EnumValueInvalid or LedgerStatus.LegalReasonRequired
            or LedgerStatus.AuthorityReferenceRequired => RefusalKind.Invalid,
        LedgerStatus.AccountNotFound or LedgerStatus.ReservationNotFound or LedgerStatus.FreezeNotFound => RefusalKind.NotFound,
        _ => RefusalKind.Conflict,
    };

    public static string Title(LedgerStatus status) => status switch
    {
        LedgerStatus.InsufficientUnits => "Not enough available units.",
        LedgerStatus.UnitsFrozen => "The units are judicially frozen.",
        LedgerStatus.AccountFrozen => "The account is judicially frozen.",
        LedgerStatus.AccountRestricted => "The account is restricted.",
        LedgerStatus.AccountClosed => "The account is closed.",
        LedgerStatus.LegalReasonRequired => "Units move between holders only by trading, inheritance or court enforcement.",
        _ => TitleOf(status.ToString()),
    };

    /// <summary>A refusal by the ledger; <paramref name="existingId"/> names what already exists, when it does.</summary>
    public static Refusal Of(LedgerStatus status, string? detail = null, long? existingId = null) =>
        Status(KindOf(status), status.ToString(), Title(status), detail, new Dictionary<string, object?> { ["existing_id"] = existingId });

    // ---- Exchange -----------------------------------------------------------------------------------

    public static RefusalKind KindOf(VenueStatus status) => status switch
    {
        VenueStatus.InstrumentNotListed or VenueStatus.NoTradingAccount => RefusalKind.NotFound,
        VenueStatus.InitialPriceRequired or VenueStatus.InitialPriceInvalid or VenueStatus.AmountInvalid => RefusalKind.Invalid,
        // The bank refusing a transfer (over its limit, no such account) refuses the request; it is no server fault.
        _ => RefusalKind.Conflict,
    };

    public static RefusalKind KindOf(ExchangeStatus status) => status switch
    {
        ExchangeStatus.PriceNotPositive or ExchangeStatus.PriceTickInvalid or ExchangeStatus.PriceOutsideLimit or ExchangeStatus.QuantityInvalid
            or ExchangeStatus.QuantityBelowBulkMinimum or ExchangeStatus.SideInvalid or ExchangeStatus.BiddingWindowInvalid
            or ExchangeStatus.BidBeyondReservePrice => RefusalKind.Invalid,
        ExchangeStatus.ListingNotFound or ExchangeStatus.ProposalNotFound or ExchangeStatus.BiddingNotFound => RefusalKind.NotFound,
        ExchangeStatus.NotOwner or ExchangeStatus.NotCounterparty => RefusalKind.Forbidden,
        ExchangeStatus.TradingCalendarUnknown => RefusalKind.Unavailable,
        _ => RefusalKind.Conflict,
    };

    private static string Title(VenueStatus status) => status switch
    {
        VenueStatus.InstrumentNotListed => "The instrument is not listed on the exchange.",
        VenueStatus.InstrumentNotYetTradable => "The instrument trades from the next trading day after its listing.",
        VenueStatus.NoTradingAccount => "No trading account: the subject needs a registry account and its bound trading account.",
        VenueStatus.InsufficientFunds => "Not enough available cash.",
        VenueStatus.SettlementTooEarly => "Trades settle only after the close of their trading day.",
        VenueStatus.BankRefused => "The settlement bank refused the transfer.",
        _ => TitleOf(status.ToString()),
    };

    private static string Title(ExchangeStatus status) => status switch
    {
        ExchangeStatus.OutsideSession => "Outside the trading sessions (09:30-11:30 and 13:00-15:00 China Standard Time on trading days).",
        ExchangeStatus.PriceOutsideLimit => "The price is outside the day's price band around the base price.",
        ExchangeStatus.InsufficientUnits => "Not enough available units in the trading account.",
        ExchangeStatus.InsufficientFunds => "Not enough available cash for price and fee.",
        ExchangeStatus.SelfTake => "A participant cannot take its own listing.",
        ExchangeStatus.FiveDayRule => "The instrument was traded on the other side within the last 5 trading days.",
        _ => TitleOf(status.ToString()),
    };

    public static Refusal Of(VenueStatus status, string? detail = null) => Status(KindOf(status), status.ToString(), Title(status), detail);

    public static Refusal Of(ExchangeStatus status, string? detail = null) => Status(KindOf(status), status.ToString(), Title(status), detail);

    // ---- Lifecycle and compliance -------------------------------------------------------------------

    public static RefusalKind KindOf(LifecycleStatus status) => status switch
    {
        LifecycleStatus.WrongRole or LifecycleStatus.NotYourProject => RefusalKind.Forbidden,
        LifecycleStatus.DescriptionInvalid or LifecycleStatus.TextEmpty or LifecycleStatus.TextTooLong
            or LifecycleStatus.DocumentHashInvalid or LifecycleStatus.QuantityNotPositive or LifecycleStatus.PeriodInvalid => RefusalKind.Invalid,
        LifecycleStatus.CommentNotFound or LifecycleStatus.CorrectiveActionNotFound => RefusalKind.NotFound,
        _ => RefusalKind.Conflict,
    };

    public static Refusal Of(LifecycleStatus status, string? detail = null) =>
        Status(KindOf(status), status.ToString(), TitleOf(status.ToString()), detail);

    public static RefusalKind KindOf(ComplianceStatus status) => status switch
    {
        ComplianceStatus.QuantityMustBePositive or ComplianceStatus.PeriodOutOfRange or ComplianceStatus.NothingToSurrender
            or ComplianceStatus.TooManyLines => RefusalKind.Invalid,
        ComplianceStatus.EntityNotFound => RefusalKind.NotFound,
        _ => RefusalKind.Conflict,
    };

    public static Refusal Of(ComplianceStatus status, string? detail = null) =>
        Status(KindOf(status), status.ToString(), TitleOf(status.ToString()), detail);

    public static Refusal Of(Core.Article6.Article6Status status) => Status(
        status is Core.Article6.Article6Status.NotAuthorized or Core.Article6.Article6Status.AuthorizedDifferently ? RefusalKind.Conflict : RefusalKind.Invalid,
        status.ToString(), TitleOf(status.ToString()));

    // ---- Workflows (sign-in, administration, account opening, maker-checker) --------------------------

    private static readonly Dictionary<WorkflowStatus, (RefusalKind Kind, string Title)> WorkflowTable = new()
    {
        [WorkflowStatus.SignInFailed] = (RefusalKind.Unauthenticated, "The user name or password is wrong."),
        [WorkflowStatus.LockedOut] = (RefusalKind.Forbidden, "Too many failed sign-ins: the user is locked out for a while."),
        [WorkflowStatus.SignInNotAllowed] = (RefusalKind.Forbidden, "This user may not sign in."),
        [WorkflowStatus.PersonRequired] = (RefusalKind.Forbidden, "This step is recorded against a person: sign in, or use a key issued to a user."),
        [WorkflowStatus.OtherOrganisation] = (RefusalKind.Forbidden, "This belongs to another organisation."),
        [WorkflowStatus.ConfirmerIsInitiator] = (RefusalKind.Forbidden, "The confirmer must be a different person from the initiator."),
        [WorkflowStatus.OrganisationNotFound] = (RefusalKind.NotFound, "No such organisation."),
        [WorkflowStatus.UserNotFound] = (RefusalKind.NotFound, "No such user."),
        [WorkflowStatus.ApplicationNotFound] = (RefusalKind.NotFound, "No such account application."),
        [WorkflowStatus.RequestNotFound] = (RefusalKind.NotFound, "No such request."),
        [WorkflowStatus.SubjectIdTaken] = (RefusalKind.Conflict, "An organisation with this subject id exists."),
        [WorkflowStatus.UserNameTaken] = (RefusalKind.Conflict, "The user name is taken."),
        [WorkflowStatus.ApplicationOpen] = (RefusalKind.Conflict, "The subject already has an open account application."),
        [WorkflowStatus.StateConflict] = (RefusalKind.Conflict, "Not possible in the current state."),
        [WorkflowStatus.CalendarYearUnknown] = (RefusalKind.Unavailable, "The working-day calendar does not cover the dates needed."),
    };

    public static Refusal Of(WorkflowStatus status, string? detail = null)
    {
        var (kind, title) = WorkflowTable[status];
        return Status(kind, status.ToString(), title, detail);
    }

    // ---- Methodology calculations -------------------------------------------------------------------

    private static readonly Dictionary<CalculationStatus, (RefusalKind Kind, string Type, string Title)> CalculationTable = new()
    {
        [CalculationStatus.InvalidInput] = (RefusalKind.Invalid, InvalidInput, "The input is invalid."),
        [CalculationStatus.NotApplicable] = (RefusalKind.Unprocessable, "/problems/not-applicable", "The methodology does not apply to this project."),
        [CalculationStatus.UnknownMethodology] = (RefusalKind.NotFound, "/problems/unknown-methodology", "No such methodology."),
    };

    /// <summary>A refused calculation; field errors by field.</summary>
    public static Refusal Of(CalculationStatus status, IReadOnlyList<FieldError> errors)
    {
        var (kind, type, title) = CalculationTable[status];
        var byField = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        return new Refusal(kind, type, title, string.Join("; ", errors.Select(e => e.ToString()))) { Errors = byField };
    }

    // ---- Refusals of the application itself -----------------------------------------------------------

    /// <summary>Bad input, each message by the field it is about.</summary>
    public static Refusal Invalid(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        new(RefusalKind.Invalid, InvalidInput, "Invalid input.", detail ?? "The request has invalid fields.") { Errors = errors };

    public static Refusal Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Refusal Forbidden(string why) => new(RefusalKind.Forbidden, "/problems/forbidden", "Forbidden.", why);

    public static Refusal NotFound(string what) => new(RefusalKind.NotFound, "/problems/not-found", "Not found.", what);

    /// <summary>An operation id already used for a different request (the client must choose a new one).</summary>
    public static Refusal IdempotencyConflict(string operationId) => new(RefusalKind.Unprocessable, IdempotencyConflictType,
        "Operation id already used for a different request.",
        $"Operation '{operationId}' was committed with another body; choose a new operation id.");

    /// <summary>The store could not be reached or could not commit; <paramref name="next"/> says whether to repeat.</summary>
    public static Refusal StoreUnavailable(string what, string message, string? next = null) =>
        new(RefusalKind.Unavailable, StoreUnavailableType, $"The {what} store is unavailable.", next is null ? message : message + " " + next);

    /// <summary>
    /// People change accounts and cancel units only through maker-checker requests (an initiator and a
    /// different confirmer); the direct use cases serve systems whose keys act for no person.
    /// </summary>
    public static Refusal MakerCheckerRequired(string requestsPath) => new(RefusalKind.Forbidden, "/problems/maker-checker-required",
        "Maker-checker required.", $"A person's change needs a second person to confirm it: create a request at {requestsPath}.");

    /// <summary>
    /// A reservation that holds units for an exchange listing, proposal, bid or trade is released and
    /// delivered by the exchange alone: anything else would leave the venue's books out of step with the ledger.
    /// </summary>
    public static Refusal ReservationOwnedByExchange(long id) => new(RefusalKind.Conflict, ReservationOwnedByExchangeType,
        "The reservation belongs to the exchange.",
        $"Reservation {id} holds units for the exchange: cancel the order on the exchange, or let settlement deliver it.");
}
