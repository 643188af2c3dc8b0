using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenCcer.Application;
using OpenCcer.Application.Cash;
using OpenCcer.Application.Exchange;
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
/// by the participant, one-way biddings to announce or bid in, and settlement reports. Every form calls the same
/// application handler as the API's endpoint; the page only reads the form.
/// </summary>
public sealed class TradingModel(ExchangeEngine exchange, ListedTrading trading, BulkAgreements bulk, OneWayBiddings biddings, CashDesk cash, LedgerStore store,
    TimeProvider time, IStringLocalizer<Text> text)
    : FormPage
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

    public string NewOperationId() => "web-" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N");

    public MarketSnapshot? MarketOf(HoldingRow h) => exchange.Market(new Instrument(h.ProjectCode, h.Vintage));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostDepositAsync(string? operationId, string? amount) =>
        MoveCashAsync(operationId, amount, cash.DepositAsync, "deposit", "deposited");

    /// <summary>Withdraws available cash to the participant's bank account (held cash stays until settlement).</summary>
    public Task<IActionResult> OnPostWithdrawAsync(string? operationId, string? amount) =>
        MoveCashAsync(operationId, amount, cash.WithdrawAsync, "withdraw", "withdrawn");

    private async Task<IActionResult> MoveCashAsync(string? operationId, string? amount,
        Func<Caller, CashRequest, CancellationToken, Task<Outcome<CashMoved>>> move, string form, string done)
    {
        var fen = SettlementReports.Fen(amount);
        if (fen is null or <= 0) return await Refused(Refusals.Invalid("amount_fen", text["Trading.AmountInvalid"]), form, "amount_fen");
        var outcome = await move(Caller.Of(User), new CashRequest(operationId, fen), HttpContext.RequestAborted);
        return await After(outcome.Refusal, form, done, "amount_fen");
    }

    /// <summary>Cancels the open part of one of the caller's own listings; its reservation of units or cash is released.</summary>
    public Task<IActionResult> OnPostCancelListingAsync(string? operationId, string? projectCode, int? vintage, long? listing) =>
        OnOrderAsync(operationId, projectCode, vintage, listing, "listing_id", $"cancel-{listing}", "listing-cancelled", trading.CancelListingAsync);

    /// <summary>
    /// One action of the caller's on one order of a market (cancel a listing, confirm or decline a bulk proposal):
    /// the form's fields read, the handler called, its outcome shown by the form.
    /// </summary>
    private async Task<IActionResult> OnOrderAsync(string? operationId, string? projectCode, int? vintage, long? order, string field, string form,
        string done, Func<Caller, Instrument, long, OperationOnlyRequest, CancellationToken, Task<Outcome<ExchangeDone>>> handler)
    {
        var r = new Fields();
        var instrument = r.Instrument(projectCode, vintage);
        var id = r.Required(field, order);
        if (r.HasErrors) return await Refused(r.Refusal(), form, field);
        var outcome = await handler(Caller.Of(User), instrument, id, new OperationOnlyRequest(operationId), HttpContext.RequestAborted);
        return await After(outcome.Refusal, form, done, field);
    }

    public async Task<IActionResult> OnPostListInstrumentAsync(string? operationId, string? projectCode, int? vintage, string? price)
    {
        var form = $"list-{projectCode}-{vintage}";
        if (Yuan(price, "price_fen") is { } bad) return await Refused(bad, form, "price_fen");
        var outcome = await trading.ListHeldInstrumentAsync(Caller.Of(User),
            new ListHeldInstrumentRequest(operationId, projectCode, vintage, SettlementReports.Fen(price)), HttpContext.RequestAborted);
        return await After(outcome.Refusal, form, "instrument-listed", "price_fen");
    }

    public async Task<IActionResult> OnPostSellAsync(string? operationId, string? projectCode, int? vintage, string? price, string? quantity)
    {
        var form = $"sell-{projectCode}-{vintage}";
        string[] fields = ["price_fen", "quantity_tonnes"];
        if (Yuan(price, "price_fen") is { } bad) return await Refused(bad, form, fields);
        var r = new Fields();
        var instrument = r.Instrument(projectCode, vintage);
        if (r.HasErrors) return await Refused(r.Refusal(), form, fields);
        var outcome = await trading.PostListingAsync(Caller.Of(User), instrument,
            new PostListingRequest(operationId, nameof(Side.Sell), SettlementReports.Fen(price), Tonnes(quantity)), HttpContext.RequestAborted);
        return await After(outcome.Refusal, form, "listed", fields);
    }

    public async Task<IActionResult> OnPostTakeAsync(string? operationId, string? projectCode, int? vintage, long? listing, string? quantity)
    {
        var r = new Fields();
        var instrument = r.Instrument(projectCode, vintage);
        var id = r.Required("listing_id", listing);
        var form = $"take-{listing}";
        if (r.HasErrors) return await Refused(r.Refusal(), form, "quantity_tonnes");
        var outcome = await trading.TakeListingAsync(Caller.Of(User), instrument, id, new TakeListingRequest(operationId, Tonnes(quantity)),
            HttpContext.RequestAborted);
        return await After(outcome.Refusal, form, "taken", "quantity_tonnes");
    }

    /// <summary>Proposes a bulk agreement (大宗协议) to the counterparty named by its subject id; the proposer's side is reserved.</summary>
    public async Task<IActionResult> OnPostProposeBulkAsync(string? operationId, string? instrument, string? side, string? price, string? quantity,
        string? counterparty)
    {
        string[] fields = ["project_code", "vintage", "counterparty_subject_id", "side", "price_fen", "quantity_tonnes"];
        if (Yuan(price, "price_fen") is { } bad) return await Refused(bad, "bulk", fields);
        var r = new Fields();
        var (projectCode, vintage) = SplitInstrument(instrument);
        var market = r.Instrument(projectCode, vintage);
        if (r.HasErrors) return await Refused(r.Refusal(), "bulk", fields);
        var outcome = await bulk.ProposeAsync(Caller.Of(User), market,
            new ProposeBulkRequest(operationId, counterparty, side, SettlementReports.Fen(price), Tonnes(quantity)), HttpContext.RequestAborted);
        return await After(outcome.Refusal, "bulk", "bulk-proposed", fields);
    }

    /// <summary>Confirms a bulk proposal made to the caller: one trade at its price and quantity.</summary>
    public Task<IActionResult> OnPostConfirmBulkAsync(string? operationId, string? projectCode, int? vintage, long? proposal) =>
        OnOrderAsync(operationId, projectCode, vintage, proposal, "proposal_id", $"bulk-{proposal}", "bulk-confirmed", bulk.ConfirmAsync);

    /// <summary>Declines a bulk proposal made to the caller, or withdraws the caller's own; the proposer's reservation is released.</summary>
    public Task<IActionResult> OnPostDeclineBulkAsync(string? operationId, string? projectCode, int? vintage, long? proposal) =>
        OnOrderAsync(operationId, projectCode, vintage, proposal, "proposal_id", $"bulk-{proposal}", "bulk-declined", bulk.DeclineAsync);

    /// <summary>Announces a one-way bidding (单向竞价): quantity, reserve price and a window within today's trading day (China Standard Time).</summary>
    public async Task<IActionResult> OnPostAnnounceBiddingAsync(string? operationId, string? instrument, string? side, string? quantity, string? reserve,
        string? windowStart, string? windowEnd, string? pricing)
    {
        string[] fields = ["project_code", "vintage", "side", "quantity_tonnes", "reserve_price_fen", "window_start", "window_end", "pricing"];
        if (Yuan(reserve, "reserve_price_fen") is { } bad) return await Refused(bad, "bidding", fields);
        var r = new Fields();
        var (projectCode, vintage) = SplitInstrument(instrument);
        var market = r.Instrument(projectCode, vintage);
        if (r.HasErrors) return await Refused(r.Refusal(), "bidding", fields);
        var outcome = await biddings.AnnounceAsync(Caller.Of(User), market, new AnnounceBiddingRequest(operationId, side, Tonnes(quantity),
            SettlementReports.Fen(reserve), LocalInstant(windowStart), LocalInstant(windowEnd), string.IsNullOrEmpty(pricing) ? null : pricing),
            HttpContext.RequestAborted);
        return await After(outcome.Refusal, "bidding", "bidding-announced", fields);
    }

    /// <summary>Places a sealed bid in another participant's open bidding; the bid's side is reserved until the bidding closes.</summary>
    public async Task<IActionResult> OnPostPlaceBidAsync(string? operationId, string? projectCode, int? vintage, long? bidding, string? price, string? quantity)
    {
        var form = $"bid-{bidding}";
        string[] fields = ["price_fen", "quantity_tonnes"];
        if (Yuan(price, "price_fen") is { } bad) return await Refused(bad, form, fields);
        var r = new Fields();
        var instrument = r.Instrument(projectCode, vintage);
        var id = r.Required("bidding_id", bidding);
        if (r.HasErrors) return await Refused(r.Refusal(), form, fields);
        var outcome = await biddings.BidAsync(Caller.Of(User), instrument, id, new PlaceBidRequest(operationId, SettlementReports.Fen(price), Tonnes(quantity)),
            HttpContext.RequestAborted);
        return await After(outcome.Refusal, form, "bid-placed", fields);
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

    /// <summary>A price typed in yuan that does not read as fen (door parsing, before the handler checks the value).</summary>
    private static Refusal? Yuan(string? yuan, string field) => SettlementReports.Fen(yuan) is null or <= 0
        ? Refusals.Invalid(field, "A price in yuan per tonne, at most two decimals (58.50).")
        : null;

    private async Task<IActionResult> After(Refusal? refusal, string form, string done, params string[] fields) =>
        refusal is null ? Redirect("/portal/trading?done=" + done) : await Refused(refusal, form, fields);

    private async Task<IActionResult> Refused(Refusal refusal, string form, params string[] fields)
    {
        Errors.Accept(refusal, text, fields);
        return await ShowRefusedAsync(form);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var caller = Caller.Of(User);
        if (caller.SubjectId is null || !Roles.HoldsAccounts(caller.Role)) return;
        if (await Participants.OfSubjectAsync(store, caller.SubjectId, ct) is not { } me) return;
        Participant = me;
        Cash = await store.Exchange.CashAccountAsync(me, ct);
        Postings = await store.Exchange.CashPostingsAsync(me, 0, 200, ct);
        Holdings = (await store.Registry.HoldingsAsync(me, ct)).Where(h => h.Available + h.Reserved > 0).ToList();
        var markets = exchange.Markets;
        foreach (var m in markets)
        {
            foreach (var l in m.Sells.Concat(m.Buys))
                (l.Participant.Value == me ? Mine : Others).Add(new Offer(m, l));
            foreach (var p in m.Proposals)
            {
                if (p.Counterparty.Value == me) BulkToMe.Add(new Proposal(m.Info.Instrument, p));
                else if (p.Proposer.Value == me) BulkFromMe.Add(new Proposal(m.Info.Instrument, p));
            }
        }
        Biddings = OpenBiddings(markets);
        foreach (var date in await store.Exchange.SettlementDatesAsync(me, 5, ct))
            Reports.Add(await SettlementReports.ForAsync(store, me, date, ct));
    }
}
