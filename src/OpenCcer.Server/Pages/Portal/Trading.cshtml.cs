using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenCcer.Application;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;
using OpenCcer.Server.Api;
using OpenCcer.Server.Web;
using OpenCcer.Storage;
using OpenCcer.Storage.Exchange;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Server.Pages.Portal;

/// <summary>
/// The trader's desk: cash at the exchange (deposit through the settlement bank, statement), units in the
/// trading account listed for sale, other participants' listings to take, bulk agreements proposed to and
/// by the participant, one-way biddings to announce or bid in, and settlement reports. Every form runs the same exchange operations as the API's endpoints.
/// </summary>
public sealed class TradingModel(ExchangeEngine exchange, ISettlementBank bank, LedgerStore store, TimeProvider time, IStringLocalizer<Text> text)
    : PageModel
{
    public sealed record Offer(MarketSnapshot Market, ListingView Listing);

    /// <summary>An open bulk-agreement proposal on one instrument, to or from the caller.</summary>
    public sealed record Proposal(Instrument Instrument, BulkProposal Proposed);

    /// <summary>An open one-way bidding on one instrument.</summary>
    public sealed record Bidding(Instrument Instrument, BiddingView Terms);

    public long? Participant { get; private set; }
    public CashAccountRow? Cash { get; private set; }
    public List<CashPostingRow> Postings { get; private set; } = [];
    public List<HoldingRow> Holdings { get; private set; } = [];
    public List<Offer> Mine { get; private set; } = [];
    public List<Offer> Others { get; private set; } = [];
    public List<SettlementReport> Reports { get; private set; } = [];
    public IReadOnlyList<MarketSnapshot> Markets => exchange.Markets;
    public List<Proposal> BulkToMe { get; private set; } = [];
    public List<Proposal> BulkFromMe { get; private set; } = [];
    public List<Bidding> Biddings { get; private set; } = [];

    /// <summary>A China Standard Time instant as a <c>datetime-local</c> value.</summary>
    public static string Local(DateTimeOffset at) => ChinaClock.Local(at).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>The default bidding window: from now to an hour later, in China Standard Time.</summary>
    public (string Start, string End) DefaultWindow()
    {
        var now = time.GetUtcNow();
        return (Local(now), Local(now.AddHours(1)));
    }
    public FormErrors Errors { get; } = new();
    public string? Form { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public string NewOperationId() => "web-" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N");

    public MarketSnapshot? MarketOf(HoldingRow h) => exchange.Market(new Instrument(h.ProjectCode, h.Vintage));

    public FormErrors ErrorsOf(string form) => Form == form ? Errors : new FormErrors();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostDepositAsync(string? operationId, string? amount) =>
        MoveCashAsync(operationId, amount, CashDesk.DepositAsync, "deposit", "deposited");

    /// <summary>Withdraws available cash to the participant's bank account (held cash stays until settlement).</summary>
    public Task<IActionResult> OnPostWithdrawAsync(string? operationId, string? amount) =>
        MoveCashAsync(operationId, amount, CashDesk.WithdrawAsync, "withdraw", "withdrawn");

    private async Task<IActionResult> MoveCashAsync(string? operationId, string? amount,
        Func<ExchangeEngine, ISettlementBank, string, ParticipantId, Money, CancellationToken, Task<(ExchangeOutcome, BankReceipt?)>> move,
        string form, string done)
    {
        var r = new Fields();
        var op = r.OperationId(operationId);
        var fen = SettlementReports.Fen(amount);
        if (fen is null or <= 0) r.Fail("amount_fen", text["Trading.AmountInvalid"]);
        if (r.HasErrors) return await Refused(r.Refusal().ToProblem(), form, "amount_fen");
        var me = await ExchangeCall.ParticipantAsync(store, Caller.Of(User).SubjectId, HttpContext.RequestAborted);
        if (me is null) return await Refused(ExchangeProblems.For(VenueStatus.NoTradingAccount), form, "amount_fen");
        IResult result;
        try
        {
            var (outcome, receipt) = await move(exchange, bank, op, new ParticipantId(me.Value), new Money(fen!.Value), HttpContext.RequestAborted);
            result = ExchangeProblems.Of(outcome, op) is { } refused
                ? outcome.Status == VenueStatus.BankRefused && receipt?.Reason is { } why ? ExchangeProblems.For(VenueStatus.BankRefused, why) : refused
                : TypedResults.Ok();
        }
        catch (StoreUnavailableException e)
        {
            result = ExchangeCall.Unavailable(e);
        }
        return await After(result, form, done, "amount_fen");
    }

    /// <summary>Cancels the open part of one of the caller's own listings; its reservation of units or cash is released.</summary>
    public async Task<IActionResult> OnPostCancelListingAsync(string? operationId, string? projectCode, int? vintage, long? listing)
    {
        return await OnOrderAsync(operationId, projectCode, vintage, listing, "listing_id", $"cancel-{listing}", "listing-cancelled",
            (_, me, order, _) => new CancelListing(order, me));
    }

    /// <summary>
    /// One action of the caller's on one order of a market (cancel a listing, confirm or decline a bulk proposal):
    /// the form's fields read and checked, the exchange command submitted, the outcome shown by the form.
    /// </summary>
    private async Task<IActionResult> OnOrderAsync(string? operationId, string? projectCode, int? vintage, long? order,
        string field, string form, string done, Func<ExchangeContext, ParticipantId, OrderId, Instrument, MarketCommand> command)
    {
        var r = new Fields();
        var op = r.OperationId(operationId);
        var instrument = r.Instrument(projectCode, vintage);
        var id = r.Required(field, order);
        if (r.HasErrors) return await Refused(r.Refusal().ToProblem(), form, field);
        var result = await ExchangeCall.SubmitAsync(HttpContext, exchange, op, ExchangeCall.Hash(HttpContext, id),
            ExchangeCall.AsParticipant(HttpContext, (c, me) => ExchangeStep.Run(new ToMarket(instrument, command(c, me, new OrderId(id), instrument)))));
        return await After(result, form, done, field);
    }

    public async Task<IActionResult> OnPostListInstrumentAsync(string? operationId, string? projectCode, int? vintage, string? price)
    {
        var r = new Fields();
        var op = r.OperationId(operationId);
        var instrument = r.Instrument(projectCode, vintage);
        var fen = Price(r, price);
        var form = $"list-{projectCode}-{vintage}";
        if (r.HasErrors) return await Refused(r.Refusal().ToProblem(), form, "price_fen");
        var result = await ExchangeCall.SubmitAsync(HttpContext, exchange, op, ExchangeCall.Hash(HttpContext, instrument, fen),
            ExchangeCall.AsParticipant(HttpContext, (_, me) => ExchangeStep.Run(new ListInstrument(instrument, me, new PricePerTonne(fen)))));
        return await After(result, form, "instrument-listed", "price_fen");
    }

    public async Task<IActionResult> OnPostSellAsync(string? operationId, string? projectCode, int? vintage, string? price, string? quantity)
    {
        var r = new Fields();
        var op = r.OperationId(operationId);
        var instrument = r.Instrument(projectCode, vintage);
        var fen = Price(r, price);
        var tonnes = r.Quantity("quantity_tonnes", Tonnes(quantity));
        var form = $"sell-{projectCode}-{vintage}";
        if (r.HasErrors) return await Refused(r.Refusal().ToProblem(), form, "price_fen", "quantity_tonnes");
        var result = await ExchangeCall.SubmitAsync(HttpContext, exchange, op, ExchangeCall.Hash(HttpContext, Side.Sell, fen, tonnes),
            ExchangeCall.AsParticipant(HttpContext, (c, me) => ExchangeStep.Run(new ToMarket(instrument, new PostListing(new OrderId(c.Sequence), me,
                Side.Sell, new PricePerTonne(fen), new Core.Primitives.Tonnes(tonnes), c.Position(me, instrument))))), opensOrder: true);
        return await After(result, form, "listed", "price_fen", "quantity_tonnes");
    }

    public async Task<IActionResult> OnPostTakeAsync(string? operationId, string? projectCode, int? vintage, long? listing, string? quantity)
    {
        var r = new Fields();
        var op = r.OperationId(operationId);
        var instrument = r.Instrument(projectCode, vintage);
        var id = r.Required("listing_id", listing);
        var tonnes = r.Quantity("quantity_tonnes", Tonnes(quantity));
        var form = $"take-{listing}";
        if (r.HasErrors) return await Refused(r.Refusal().ToProblem(), form, "quantity_tonnes");
        var result = await ExchangeCall.SubmitAsync(HttpContext, exchange, op, ExchangeCall.Hash(HttpContext, id, tonnes),
            ExchangeCall.AsParticipant(HttpContext, (c, me) => ExchangeStep.Run(new ToMarket(instrument,
                new TakeListing(new OrderId(id), me, new Core.Primitives.Tonnes(tonnes), c.Position(me, instrument))))));
        return await After(result, form, "taken", "quantity_tonnes");
    }

    /// <summary>Proposes a bulk agreement (大宗协议) to the counterparty named by its subject id; the proposer's side is reserved.</summary>
    public async Task<IActionResult> OnPostProposeBulkAsync(string? operationId, string? instrument, string? side, string? price, string? quantity,
        string? counterparty)
    {
        var r = new Fields();
        var op = r.OperationId(operationId);
        var (projectCode, vintage) = SplitInstrument(instrument);
        var market = r.Instrument(projectCode, vintage);
        var subject = r.Required("counterparty_subject_id", string.IsNullOrWhiteSpace(counterparty) ? null : counterparty.Trim());
        var proposerSide = r.Enum<Side>("side", side);
        var fen = Price(r, price);
        var tonnes = r.Quantity("quantity_tonnes", Tonnes(quantity));
        string[] fields = ["project_code", "vintage", "counterparty_subject_id", "side", "price_fen", "quantity_tonnes"];
        if (r.HasErrors) return await Refused(r.Refusal().ToProblem(), "bulk", fields);
        var result = await ExchangeCall.SubmitAsync(HttpContext, exchange, op, ExchangeCall.Hash(HttpContext, subject, proposerSide, fen, tonnes),
            ExchangeCall.AsParticipant(HttpContext, (c, me) => c.ParticipantOf(subject) is { } other
                ? ExchangeStep.Run(new ToMarket(market, new ProposeBulk(new OrderId(c.Sequence), me, other, proposerSide, new PricePerTonne(fen),
                    new Core.Primitives.Tonnes(tonnes), c.Position(me, market))))
                : ExchangeStep.Refuse(VenueStatus.NoTradingAccount)), opensOrder: true);
        return await After(result, "bulk", "bulk-proposed", fields);
    }

    /// <summary>Confirms a bulk proposal made to the caller: one trade at its price and quantity.</summary>
    public async Task<IActionResult> OnPostConfirmBulkAsync(string? operationId, string? projectCode, int? vintage, long? proposal)
    {
        return await OnOrderAsync(operationId, projectCode, vintage, proposal, "proposal_id", $"bulk-{proposal}", "bulk-confirmed",
            (c, me, order, instrument) => new ConfirmBulk(order, me, c.Position(me, instrument)));
    }

    /// <summary>Declines a bulk proposal made to the caller, or withdraws the caller's own; the proposer's reservation is released.</summary>
    public async Task<IActionResult> OnPostDeclineBulkAsync(string? operationId, string? projectCode, int? vintage, long? proposal)
    {
        return await OnOrderAsync(operationId, projectCode, vintage, proposal, "proposal_id", $"bulk-{proposal}", "bulk-declined",
            (_, me, order, _) => new DeclineBulk(order, me));
    }

    /// <summary>Announces a one-way bidding (单向竞价): quantity, reserve price and a window within today's trading day (China Standard Time).</summary>
    public async Task<IActionResult> OnPostAnnounceBiddingAsync(string? operationId, string? instrument, string? side, string? quantity, string? reserve,
        string? windowStart, string? windowEnd, string? pricing)
    {
        var r = new Fields();
        var op = r.OperationId(operationId);
        var (projectCode, vintage) = SplitInstrument(instrument);
        var market = r.Instrument(projectCode, vintage);
        var initiatorSide = r.Enum<Side>("side", side);
        var tonnes = r.Quantity("quantity_tonnes", Tonnes(quantity));
        var fen = SettlementReports.Fen(reserve);
        if (fen is null or <= 0) r.Fail("reserve_price_fen", "A price in yuan per tonne, at most two decimals (58.50).");
        var start = r.Required("window_start", LocalInstant(windowStart));
        var end = r.Required("window_end", LocalInstant(windowEnd));
        BiddingPricing? rule = string.IsNullOrEmpty(pricing) ? null : r.Enum<BiddingPricing>("pricing", pricing);
        string[] fields = ["project_code", "vintage", "side", "quantity_tonnes", "reserve_price_fen", "window_start", "window_end", "pricing"];
        if (r.HasErrors) return await Refused(r.Refusal().ToProblem(), "bidding", fields);
        var result = await ExchangeCall.SubmitAsync(HttpContext, exchange, op, ExchangeCall.Hash(HttpContext, initiatorSide, tonnes, fen, start, end, rule),
            ExchangeCall.AsParticipant(HttpContext, (c, me) => ExchangeStep.Run(new ToMarket(market, new AnnounceBidding(new OrderId(c.Sequence), me,
                initiatorSide, new Core.Primitives.Tonnes(tonnes), new PricePerTonne(fen!.Value), start, end, rule, c.Position(me, market))))), opensOrder: true);
        return await After(result, "bidding", "bidding-announced", fields);
    }

    /// <summary>Places a sealed bid in another participant's open bidding; the bid's side is reserved until the bidding closes.</summary>
    public async Task<IActionResult> OnPostPlaceBidAsync(string? operationId, string? projectCode, int? vintage, long? bidding, string? price, string? quantity)
    {
        var r = new Fields();
        var op = r.OperationId(operationId);
        var instrument = r.Instrument(projectCode, vintage);
        var id = r.Required("bidding_id", bidding);
        var fen = Price(r, price);
        var tonnes = r.Quantity("quantity_tonnes", Tonnes(quantity));
        var form = $"bid-{bidding}";
        if (r.HasErrors) return await Refused(r.Refusal().ToProblem(), form, "price_fen", "quantity_tonnes");
        var result = await ExchangeCall.SubmitAsync(HttpContext, exchange, op, ExchangeCall.Hash(HttpContext, id, fen, tonnes),
            ExchangeCall.AsParticipant(HttpContext, (c, me) => ExchangeStep.Run(new ToMarket(instrument, new PlaceBid(new OrderId(c.Sequence), new OrderId(id),
                me, new PricePerTonne(fen), new Core.Primitives.Tonnes(tonnes), c.Position(me, instrument))))), opensOrder: true);
        return await After(result, form, "bid-placed", "price_fen", "quantity_tonnes");
    }

    /// <summary>A <c>datetime-local</c> value read as China Standard Time.</summary>
    private static DateTimeOffset? LocalInstant(string? value) =>
        DateTime.TryParseExact(value, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? ChinaClock.At(local)
            : null;

    /// <summary>Open one-way biddings of every market, from the markets' snapshots.</summary>
    public static List<Bidding> OpenBiddings(IEnumerable<MarketSnapshot> markets) =>
        [.. markets.SelectMany(m => m.Biddings.Select(b => new Bidding(m.Info.Instrument, b)))];

    /// <summary>The instrument select's value, <c>project code/vintage</c>.</summary>
    private static (string? ProjectCode, int? Vintage) SplitInstrument(string? value)
    {
        var slash = value?.LastIndexOf('/') ?? -1;
        if (slash <= 0) return (null, null);
        return (value![..slash], int.TryParse(value[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null);
    }

    private static long Price(Fields r, string? yuan)
    {
        var fen = SettlementReports.Fen(yuan);
        if (fen is null or <= 0) r.Fail("price_fen", "A price in yuan per tonne, at most two decimals (58.50).");
        return fen ?? 0;
    }

    private static long? Tonnes(string? value) =>
        long.TryParse(value, NumberStyles.AllowThousands, CultureInfo.CurrentCulture, out var t) ? t : null;

    private async Task<IActionResult> After(IResult result, string form, string done, params string[] fields)
    {
        if (Errors.Accept(result, text, fields)) return Redirect("/portal/trading?done=" + done);
        return await Refused(null, form, fields);
    }

    private async Task<IActionResult> Refused(IResult? problem, string form, params string[] fields)
    {
        if (problem is not null) Errors.Accept(problem, text, fields);
        Form = form;
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var caller = Caller.Of(User);
        if (caller.SubjectId is null || !Roles.HoldsAccounts(caller.Role)) return;
        var trading = (await store.AccountsOfSubjectAsync(caller.SubjectId, ct)).FirstOrDefault(a => a.Kind == (int)AccountKind.Trading);
        if (trading is null) return;
        Participant = trading.Id;
        Cash = await store.CashAccountAsync(trading.Id, ct);
        Postings = await store.CashPostingsAsync(trading.Id, 0, 200, ct);
        Holdings = (await store.HoldingsAsync(trading.Id, ct)).Where(h => h.Available + h.Reserved > 0).ToList();
        var markets = exchange.Markets;
        foreach (var m in markets)
        {
            foreach (var l in m.Sells.Concat(m.Buys))
                (l.Participant.Value == trading.Id ? Mine : Others).Add(new Offer(m, l));
            foreach (var p in m.Proposals)
            {
                if (p.Counterparty.Value == trading.Id) BulkToMe.Add(new Proposal(m.Info.Instrument, p));
                else if (p.Proposer.Value == trading.Id) BulkFromMe.Add(new Proposal(m.Info.Instrument, p));
            }
        }
        Biddings = OpenBiddings(markets);
        foreach (var date in await store.SettlementDatesAsync(trading.Id, 5, ct))
            Reports.Add(await SettlementReports.ForAsync(store, trading.Id, date, ct));
    }
}
