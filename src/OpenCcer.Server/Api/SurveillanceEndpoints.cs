using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using OpenCcer.Application.Exchange;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Exchange;
using static OpenCcer.Server.Api.ExchangeCall;

namespace OpenCcer.Server.Api;

/// <summary>
/// Surveillance under <c>/api/v1/exchange</c> (T 36-44): the exchange operator restricts a trading subject in
/// a market and lifts the restriction; the operator and the regulator read the surveillance flags and
/// large-holder reports, newest first, from the exchange journal.
/// </summary>
public static class SurveillanceEndpoints
{
    private const string Market = "/markets/{projectCode}/{vintage:int}";
    private const int PageMax = 500;

    public static IEndpointRouteBuilder MapSurveillanceEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/exchange").WithTags("Exchange").ProducesProblem(400).ProducesProblem(401).ProducesProblem(403)
            .ProducesProblem(404).ProducesProblem(409);
        var op = api.MapGroup("").RequireAuthorization(ExchangeSetup.OperatorPolicy);
        var reader = api.MapGroup("/surveillance").RequireAuthorization(ExchangeSetup.SurveillanceReaderPolicy);

        op.MapPost(Market + "/restrictions", Restrict).Accepts<RestrictSubjectRequest>("application/json")
            .WithSummary("Restrict a trading subject (participant_id) in an instrument: every trading command of it is refused (exchange operator).");
        op.MapPost(Market + "/restrictions/{participantId:long}/lift", Lift).Accepts<OperationOnlyRequest>("application/json")
            .WithSummary("Lift a subject's restriction in an instrument (exchange operator).");
        reader.MapGet("/flags", Flags).WithSummary("Surveillance flags (related accounts, order then cancel), newest first; page with before_sequence.");
        reader.MapGet("/large-holders", LargeHolders).WithSummary("Large-holder reports, newest first; page with before_sequence.");
        return app;
    }

    private static Task<IResult> Restrict(HttpContext http, Surveillance surveillance, JsonSerializerOptions json, string projectCode, int vintage) =>
        Write<RestrictSubjectRequest>(http, json, (caller, body, ct) => surveillance.RestrictAsync(caller, new Instrument(projectCode, vintage), body, ct));

    private static Task<IResult> Lift(HttpContext http, Surveillance surveillance, JsonSerializerOptions json, string projectCode, int vintage,
        long participantId) =>
        Write<OperationOnlyRequest>(http, json, (caller, body, ct) => surveillance.LiftAsync(caller, new Instrument(projectCode, vintage), participantId, body, ct));

    private static async Task<IResult> Flags(LedgerStore store, [FromQuery(Name = "before_sequence")] long? before, int? limit, CancellationToken ct)
    {
        var views = new List<SurveillanceFlagView>();
        foreach (var (row, instrument, e) in await EventsAsync<SurveillanceFlagged>(store, "surveillance_flagged", before, limit, ct))
        {
            views.Add(new SurveillanceFlagView(row.Sequence, instrument?.ProjectCode, instrument?.Vintage, System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Kind.ToString()),
                e.Participant.Value, e.Counterparty?.Value, e.Trade?.Value, e.At));
        }
        return TypedResults.Ok(views);
    }

    private static async Task<IResult> LargeHolders(LedgerStore store, [FromQuery(Name = "before_sequence")] long? before, int? limit, CancellationToken ct)
    {
        var views = new List<LargeHolderView>();
        foreach (var (row, instrument, e) in await EventsAsync<LargeHolderReported>(store, "large_holder_reported", before, limit, ct))
            views.Add(new LargeHolderView(row.Sequence, instrument?.ProjectCode, instrument?.Vintage, e.Participant.Value, e.Holding.Value, e.Threshold.Value, e.At));
        return TypedResults.Ok(views);
    }

    /// <summary>Events of one type from journal rows before a sequence, newest row first; the instrument when the command named one market.</summary>
    private static async Task<List<(ExchangeJournalRow Row, Instrument? Instrument, T Event)>> EventsAsync<T>(LedgerStore store, string type,
        long? before, int? limit, CancellationToken ct) where T : ExchangeEvent
    {
        var rows = await store.Exchange.ExchangeJournalRowsWithEventAsync(type, before ?? long.MaxValue, Math.Clamp(limit ?? 100, 1, PageMax), ct);
        var found = new List<(ExchangeJournalRow, Instrument?, T)>();
        foreach (var row in rows)
        {
            Instrument? instrument = VenueJson.Deserialize(row.Command) is ToMarket m ? m.Instrument : null;
            foreach (var e in VenueJson.DeserializeResult(row.Result).Events.OfType<T>()) found.Add((row, instrument, e));
        }
        return found;
    }
}

public sealed record SurveillanceFlagView(long Sequence, string? ProjectCode, int? Vintage, string Kind, long ParticipantId, long? CounterpartyId,
    long? TradeId, DateTimeOffset At);

public sealed record LargeHolderView(long Sequence, string? ProjectCode, int? Vintage, long ParticipantId, long HoldingTonnes, long ThresholdTonnes,
    DateTimeOffset At);
