using System.Globalization;
using Microsoft.Playwright;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Exchange;

namespace OpenCcer.Web.Tests;

/// <summary>The trader portal and the exchange's day end: a listed sale, a bulk agreement and a one-way bidding between two participants, each settled into both accounts.</summary>
[Collection(WebCollection.Name)]
public sealed class TradingJourneys(WebServer server)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static string Yuan(long fen) => "¥" + (fen / 100m).ToString("N2", English);

    private static string Tonnes(long t) => t.ToString("N0", English) + " t";

    private static async Task ExpectDoneAsync(IPage page, string done) =>
        await Assertions.Expect(page.Locator($"[data-done='{done}']")).ToBeVisibleAsync();

    /// <summary>
    /// spic.maker moves the instrument to trading at ¥60 from the trading page when it is not listed yet; either way
    /// the clock moves on a day, so that it trades.
    /// </summary>
    private async Task SellerListsTheInstrumentAsync(string journey, Instrument instrument)
    {
        if (server.Exchange.Market(instrument) is null)
        {
            await server.JourneyAsync(journey, async page =>
            {
                await WebServer.SignInAsync(page, "spic.maker");
                await page.GotoAsync("/portal/trading");
                var units = page.Locator($"[data-trading-holding='{instrument.ProjectCode}-{instrument.Vintage}']");
                await units.Locator("form.list-instrument-form input[name=price]").FillAsync("60");
                await units.Locator("form.list-instrument-form button").ClickAsync();
                await ExpectDoneAsync(page, "instrument-listed");
            });
        }
        server.Time.Advance(TimeSpan.FromDays(1));
    }

    /// <summary>The exchange operator closes the markets and settles one trading day from the operator's page.</summary>
    private static async Task OperatorClosesAndSettlesAsync(IPage page, string tradeDate)
    {
        await WebServer.SignInAsync(page, "bgx.operator");
        await page.ClickAsync("a[href='/portal/exchange']");
        await page.ClickAsync("#close button");
        await ExpectDoneAsync(page, "closed");
        await page.FillAsync("#settle input[name=date]", tradeDate);
        await page.ClickAsync("#settle button");
        await ExpectDoneAsync(page, "settled");
    }

    private async Task<(long Registry, long Trading)> AccountsAsync(string subject)
    {
        var accounts = await server.Store.Registry.AccountsOfSubjectAsync(subject);
        return (accounts.Single(a => a.Kind == (int)AccountKind.Registry).Id, accounts.Single(a => a.Kind == (int)AccountKind.Trading).Id);
    }

    private async Task<long> AvailableAsync(long account, string code, int vintage) =>
        (await server.Store.Registry.HoldingsAsync(account)).SingleOrDefault(h => h.ProjectCode == code && h.Vintage == vintage)?.Available ?? 0;

    private async Task<long> BalanceAsync(long participant) => (await server.Store.Exchange.CashAccountAsync(participant))?.BalanceFen ?? 0;

    [Fact]
    public async Task a_participant_moves_units_to_trading_lists_them_another_takes_them_and_settlement_shows_in_both_accounts()
    {
        var (spicRegistry, spic) = await AccountsAsync("91370000MA3CSPIC01");
        var (_, jidong) = await AccountsAsync("91110000MA01CEMT02");
        var holding = (await server.Store.Registry.HoldingsAsync(spicRegistry)).First(h => h.Available >= 1_000);
        var (code, vintage) = (holding.ProjectCode, holding.Vintage);
        var instrument = new Instrument(code, vintage);
        var key = $"{code}-{vintage}";
        var spicTradingBefore = await AvailableAsync(spic, code, vintage);
        var jidongTradingBefore = await AvailableAsync(jidong, code, vintage);
        var spicCash = await BalanceAsync(spic);
        var jidongCash = await BalanceAsync(jidong);
        const long price = 60_00, quantity = 100, fee = 36_00; // 6‰ of ¥6,000 each side
        string? listing = null;

        await server.JourneyAsync("seller-moves-and-lists", async page =>
        {
            await WebServer.SignInAsync(page, "spic.maker");
            await page.ClickAsync("a[href='/portal/holdings']");
            var card = page.Locator($"[data-holding='{spicRegistry}-{key}']");
            await card.Locator("form.inline-form input[name=quantity]").FillAsync("150");
            await card.Locator("form.inline-form button").ClickAsync();
            await ExpectDoneAsync(page, "moved");

            await page.GotoAsync("/portal");
            await page.ClickAsync("a[href='/portal/trading']");
            await page.FillAsync("form.deposit-form input[name=amount]", "1000");
            await page.ClickAsync("form.deposit-form button");
            await ExpectDoneAsync(page, "deposited");
            await Assertions.Expect(page.Locator("[data-cash=balance]")).ToHaveTextAsync(Yuan(spicCash + 1_000_00));
            var units = page.Locator($"[data-trading-holding='{key}']");
            await Assertions.Expect(units.Locator("[data-available]")).ToHaveTextAsync(Tonnes(spicTradingBefore + 150));
            if (server.Exchange.Market(instrument) is null)
            {
                // The first holder lists the instrument; it trades from the next trading day.
                await units.Locator("form.list-instrument-form input[name=price]").FillAsync("60");
                await units.Locator("form.list-instrument-form button").ClickAsync();
                await ExpectDoneAsync(page, "instrument-listed");
            }
        });
        Assert.NotNull(server.Exchange.Market(instrument));
        server.Time.Advance(TimeSpan.FromDays(1));

        await server.JourneyAsync("seller-lists-for-sale", async page =>
        {
            await WebServer.SignInAsync(page, "spic.maker");
            await page.GotoAsync("/portal/trading");
            var units = page.Locator($"[data-trading-holding='{key}']");
            units = page.Locator($"[data-trading-holding='{key}']");
            await units.Locator("form.sell-form input[name=price]").FillAsync("60.00");
            await units.Locator("form.sell-form input[name=quantity]").FillAsync(quantity.ToString(CultureInfo.InvariantCulture));
            await units.Locator("form.sell-form button").ClickAsync();
            await ExpectDoneAsync(page, "listed");
            var mine = page.Locator("table.my-listings tbody tr", new() { HasText = $"{code} · {vintage}" });
            await Assertions.Expect(mine.Locator("td").Nth(2)).ToHaveTextAsync(Yuan(price));
            await Assertions.Expect(mine.Locator("td").Nth(3)).ToHaveTextAsync(Tonnes(quantity));
            listing = await mine.GetAttributeAsync("data-listing");
            await Assertions.Expect(page.Locator($"[data-trading-holding='{key}'] [data-reserved]")).ToHaveTextAsync(Tonnes(quantity));

            // A second listing, cancelled again: it leaves the seller's listings and its units are no longer reserved.
            units = page.Locator($"[data-trading-holding='{key}']");
            await units.Locator("form.sell-form input[name=price]").FillAsync("63.00");
            await units.Locator("form.sell-form input[name=quantity]").FillAsync("20");
            await units.Locator("form.sell-form button").ClickAsync();
            await ExpectDoneAsync(page, "listed");
            await Assertions.Expect(page.Locator($"[data-trading-holding='{key}'] [data-reserved]")).ToHaveTextAsync(Tonnes(quantity + 20));
            var second = page.Locator("table.my-listings tbody tr", new() { HasText = Yuan(63_00) });
            var secondId = await second.GetAttributeAsync("data-listing");
            Assert.NotEqual(listing, secondId);
            await second.Locator("form.cancel-listing-form button").ClickAsync();
            await ExpectDoneAsync(page, "listing-cancelled");
            await Assertions.Expect(page.Locator($"table.my-listings tr[data-listing='{secondId}']")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator($"table.my-listings tr[data-listing='{listing}']")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator($"[data-trading-holding='{key}'] [data-reserved]")).ToHaveTextAsync(Tonnes(quantity));
            await Assertions.Expect(page.Locator($"[data-trading-holding='{key}'] [data-available]")).ToHaveTextAsync(Tonnes(spicTradingBefore + 150 - quantity));
        });

        await server.JourneyAsync("buyer-deposits-and-takes", async page =>
        {
            await WebServer.SignInAsync(page, "jidong.trader");
            await page.ClickAsync("a[href='/portal/trading']");
            await page.FillAsync("form.deposit-form input[name=amount]", "10000.00");
            await page.ClickAsync("form.deposit-form button");
            await ExpectDoneAsync(page, "deposited");
            await Assertions.Expect(page.Locator("[data-cash=balance]")).ToHaveTextAsync(Yuan(jidongCash + 10_000_00));
            await Assertions.Expect(page.Locator("table.statement tbody tr").Last).ToHaveAttributeAsync("data-posting", "deposit");

            var row = page.Locator($"table.board tr[data-listing='{listing}']");
            await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(Yuan(price));
            await row.Locator("input[name=quantity]").FillAsync(quantity.ToString(CultureInfo.InvariantCulture));
            await row.Locator("button").ClickAsync();
            await ExpectDoneAsync(page, "taken");
            await Assertions.Expect(page.Locator($"table.board tr[data-listing='{listing}']")).ToHaveCountAsync(0);
            // Until settlement the purchase and its fee are held.
            await Assertions.Expect(page.Locator("[data-cash=held]")).ToHaveTextAsync(Yuan(price * quantity + fee));
        });
        var trade = (await server.Store.Exchange.TradesAsync(code, vintage, 1))[0];
        Assert.Equal(quantity, trade.Quantity);

        // The next day the exchange closes and settles the trading day.
        server.Time.Advance(TimeSpan.FromDays(1));
        await server.JourneyAsync("operator-closes-and-settles", async page =>
        {
            await OperatorClosesAndSettlesAsync(page, trade.TradeDate);
            var seller = page.Locator($"article.report[data-report='{spic}']");
            await Assertions.Expect(seller.Locator($"tr[data-trade='{trade.TradeId}']")).ToHaveAttributeAsync("data-side", "Sell");
            await Assertions.Expect(page.Locator($"article.report[data-report='{jidong}'] tr[data-trade='{trade.TradeId}']")).ToHaveAttributeAsync("data-side", "Buy");
        });

        await server.JourneyAsync("seller-sees-the-settlement", async page =>
        {
            await WebServer.SignInAsync(page, "spic.maker");
            await page.GotoAsync("/portal/trading");
            await Assertions.Expect(page.Locator("[data-cash=balance]")).ToHaveTextAsync(Yuan(spicCash + 1_000_00 + price * quantity - fee));
            await Assertions.Expect(page.Locator("[data-cash=held]")).ToHaveTextAsync(Yuan(0));
            await Assertions.Expect(page.Locator($"[data-trading-holding='{key}'] [data-available]")).ToHaveTextAsync(Tonnes(spicTradingBefore + 50));
            var report = page.Locator($"article.report[data-date='{trade.TradeDate}']");
            await Assertions.Expect(report.Locator("[data-sold]")).ToHaveTextAsync(Tonnes(quantity));
            await Assertions.Expect(report.Locator("[data-net]")).ToHaveTextAsync(Yuan(price * quantity - fee));

            // Withdrawing more than is available is refused next to the form; a smaller amount goes to the bank.
            var balance = spicCash + 1_000_00 + price * quantity - fee;
            await page.FillAsync("form.withdraw-form input[name=amount]", (balance / 100 + 1).ToString(CultureInfo.InvariantCulture));
            await page.ClickAsync("form.withdraw-form button");
            await Assertions.Expect(page.Locator("form.withdraw-form .form-problem")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-cash=balance]")).ToHaveTextAsync(Yuan(balance));
            await page.FillAsync("form.withdraw-form input[name=amount]", "500.50");
            await page.ClickAsync("form.withdraw-form button");
            await ExpectDoneAsync(page, "withdrawn");
            await Assertions.Expect(page.Locator("[data-cash=balance]")).ToHaveTextAsync(Yuan(balance - 500_50));
            await Assertions.Expect(page.Locator("[data-cash=available]")).ToHaveTextAsync(Yuan(balance - 500_50));
            await Assertions.Expect(page.Locator("table.statement tbody tr").Last).ToHaveAttributeAsync("data-posting", "withdrawal");
        });

        await server.JourneyAsync("buyer-sees-the-settlement", async page =>
        {
            await WebServer.SignInAsync(page, "jidong.trader");
            await page.GotoAsync("/portal/trading");
            await Assertions.Expect(page.Locator("[data-cash=balance]")).ToHaveTextAsync(Yuan(jidongCash + 10_000_00 - price * quantity - fee));
            var report = page.Locator($"article.report[data-date='{trade.TradeDate}']");
            await Assertions.Expect(report.Locator("[data-bought]")).ToHaveTextAsync(Tonnes(quantity));
            await Assertions.Expect(report.Locator("[data-fees]")).ToHaveTextAsync(Yuan(fee));
            await page.GotoAsync("/portal/holdings");
            await Assertions.Expect(page.Locator($"[data-holding='{jidong}-{key}'] [data-available]")).ToHaveTextAsync(Tonnes(jidongTradingBefore + quantity));
        });

        Assert.Equal(spicCash + 1_000_00 + price * quantity - fee - 500_50, await BalanceAsync(spic));
        Assert.Equal(jidongTradingBefore + quantity, await AvailableAsync(jidong, code, vintage));
    }

    [Fact]
    public async Task a_participant_proposes_a_bulk_agreement_to_a_named_counterparty_who_confirms_it_and_both_see_the_trade_settle()
    {
        const string jidongSubject = "91110000MA01CEMT02";
        var (_, spic) = await AccountsAsync("91370000MA3CSPIC01");
        var (_, jidong) = await AccountsAsync(jidongSubject);
        // The smallest bulk agreement the exchange accepts, from units the seller already keeps in its trading account.
        var quantity = server.Exchange.Rules.Bulk.QuantityMinTonnes;
        var holding = (await server.Store.Registry.HoldingsAsync(spic)).First(h => h.Available >= quantity);
        var (code, vintage) = (holding.ProjectCode, holding.Vintage);
        var instrument = new Instrument(code, vintage);
        var key = $"{code}-{vintage}";
        var spicTradingBefore = holding.Available;
        var jidongTradingBefore = await AvailableAsync(jidong, code, vintage);
        var spicCash = await BalanceAsync(spic);
        var jidongCash = await BalanceAsync(jidong);
        string? proposal = null;

        await SellerListsTheInstrumentAsync("bulk-seller-lists-the-instrument", instrument);
        var price = server.Exchange.Market(instrument)!.BasePrice.Fen;
        var deposit = price * quantity + price * quantity / 100; // the purchase and more than its fee

        await server.JourneyAsync("bulk-seller-proposes", async page =>
        {
            await WebServer.SignInAsync(page, "spic.maker");
            await page.GotoAsync("/portal/trading");
            var form = page.Locator("form.propose-bulk-form");
            await form.Locator("select[name=instrument]").SelectOptionAsync($"{code}/{vintage}");
            await form.Locator("select[name=side]").SelectOptionAsync("sell");
            await form.Locator("input[name=price]").FillAsync((price / 100m).ToString("0.00", CultureInfo.InvariantCulture));
            await form.Locator("input[name=quantity]").FillAsync(quantity.ToString(CultureInfo.InvariantCulture));

            // A counterparty without a trading account is refused next to the form, and nothing is reserved.
            await form.Locator("input[name=counterparty]").FillAsync("NO-SUCH-SUBJECT");
            await form.Locator("button").ClickAsync();
            await Assertions.Expect(page.Locator("form.propose-bulk-form .form-problem")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("table.bulk-from-me")).ToHaveCountAsync(0);

            form = page.Locator("form.propose-bulk-form");
            await form.Locator("select[name=instrument]").SelectOptionAsync($"{code}/{vintage}");
            await form.Locator("input[name=price]").FillAsync((price / 100m).ToString("0.00", CultureInfo.InvariantCulture));
            await form.Locator("input[name=quantity]").FillAsync(quantity.ToString(CultureInfo.InvariantCulture));
            await form.Locator("input[name=counterparty]").FillAsync(jidongSubject);
            await form.Locator("button").ClickAsync();
            await ExpectDoneAsync(page, "bulk-proposed");
            var mine = page.Locator("table.bulk-from-me tbody tr", new() { HasText = $"{code} · {vintage}" });
            await Assertions.Expect(mine).ToHaveCountAsync(1);
            await Assertions.Expect(mine.Locator("td").Nth(1)).ToHaveTextAsync($"#{jidong}");
            await Assertions.Expect(mine.Locator("td").Nth(3)).ToHaveTextAsync(Yuan(price));
            await Assertions.Expect(mine.Locator("td").Nth(4)).ToHaveTextAsync(Tonnes(quantity));
            proposal = await mine.GetAttributeAsync("data-proposal");
            await Assertions.Expect(page.Locator($"[data-trading-holding='{key}'] [data-reserved]")).ToHaveTextAsync(Tonnes(quantity));
            await Assertions.Expect(page.Locator($"[data-trading-holding='{key}'] [data-available]"))
                .ToHaveTextAsync(Tonnes(spicTradingBefore - quantity));
        });
        Assert.NotNull(proposal);

        long held = 0;
        await server.JourneyAsync("bulk-counterparty-confirms", async page =>
        {
            await WebServer.SignInAsync(page, "jidong.trader");
            await page.GotoAsync("/portal/trading");
            await page.FillAsync("form.deposit-form input[name=amount]", (deposit / 100m).ToString("0.00", CultureInfo.InvariantCulture));
            await page.ClickAsync("form.deposit-form button");
            await ExpectDoneAsync(page, "deposited");
            var row = page.Locator($"table.bulk-to-me tr[data-proposal='{proposal}']");
            await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync($"#{spic}");
            await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("Buy");
            await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync(Tonnes(quantity));
            await row.Locator("form.confirm-bulk-form button").ClickAsync();
            await ExpectDoneAsync(page, "bulk-confirmed");
            await Assertions.Expect(page.Locator($"table.bulk-to-me tr[data-proposal='{proposal}']")).ToHaveCountAsync(0);
            var trade = (await server.Store.Exchange.TradesAsync(code, vintage, 1))[0];
            Assert.Equal("bulk_agreement", trade.Method);
            Assert.Equal((jidong, spic, quantity, price), (trade.BuyerId, trade.SellerId, trade.Quantity, trade.PriceFen));
            held = trade.TurnoverFen + trade.BuyerFeeFen;
            // Until settlement the purchase and its fee are held.
            await Assertions.Expect(page.Locator("[data-cash=held]")).ToHaveTextAsync(Yuan(held));
        });
        var bulk = (await server.Store.Exchange.TradesAsync(code, vintage, 1))[0];

        await server.JourneyAsync("bulk-proposer-sees-it-confirmed", async page =>
        {
            await WebServer.SignInAsync(page, "spic.maker");
            await page.GotoAsync("/portal/trading");
            await Assertions.Expect(page.Locator($"table.bulk-from-me tr[data-proposal='{proposal}']")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#bulk")).ToContainTextAsync("No open proposals.");
        });

        server.Time.Advance(TimeSpan.FromDays(1));
        await server.JourneyAsync("bulk-operator-closes-and-settles", page => OperatorClosesAndSettlesAsync(page, bulk.TradeDate));

        await server.JourneyAsync("bulk-both-see-the-settlement", async page =>
        {
            await WebServer.SignInAsync(page, "spic.maker");
            await page.GotoAsync("/portal/trading");
            await Assertions.Expect(page.Locator("[data-cash=balance]")).ToHaveTextAsync(Yuan(spicCash + bulk.TurnoverFen - bulk.SellerFeeFen));
            await Assertions.Expect(page.Locator($"[data-trading-holding='{key}'] [data-reserved]")).ToHaveTextAsync(Tonnes(0));
            var sold = page.Locator($"article.report[data-date='{bulk.TradeDate}']");
            await Assertions.Expect(sold.Locator($"tr[data-trade='{bulk.TradeId}']")).ToHaveAttributeAsync("data-side", "Sell");
            await WebServer.SignOutAsync(page);

            await WebServer.SignInAsync(page, "jidong.trader");
            await page.GotoAsync("/portal/trading");
            await Assertions.Expect(page.Locator("[data-cash=balance]")).ToHaveTextAsync(Yuan(jidongCash + deposit - held));
            await Assertions.Expect(page.Locator("[data-cash=held]")).ToHaveTextAsync(Yuan(0));
            var bought = page.Locator($"article.report[data-date='{bulk.TradeDate}']");
            await Assertions.Expect(bought.Locator($"tr[data-trade='{bulk.TradeId}']")).ToHaveAttributeAsync("data-side", "Buy");
            await Assertions.Expect(page.Locator($"[data-trading-holding='{key}'] [data-available]")).ToHaveTextAsync(Tonnes(jidongTradingBefore + quantity));
        });

        Assert.Equal(jidongTradingBefore + quantity, await AvailableAsync(jidong, code, vintage));
        Assert.Equal(spicTradingBefore - quantity, await AvailableAsync(spic, code, vintage));
    }

    [Fact]
    public async Task a_participant_announces_a_one_way_bidding_another_bids_and_after_the_close_the_units_are_allocated()
    {
        var (_, spic) = await AccountsAsync("91370000MA3CSPIC01");
        var (_, jidong) = await AccountsAsync("91110000MA01CEMT02");
        const long quantity = 30;
        var holding = (await server.Store.Registry.HoldingsAsync(spic)).First(h => h.Available >= quantity);
        var (code, vintage) = (holding.ProjectCode, holding.Vintage);
        var instrument = new Instrument(code, vintage);
        var key = $"{code}-{vintage}";
        var jidongTradingBefore = await AvailableAsync(jidong, code, vintage);
        await SellerListsTheInstrumentAsync("bidding-seller-lists-the-instrument", instrument);
        var price = server.Exchange.Market(instrument)!.BasePrice.Fen;
        var yuan = (price / 100m).ToString("0.00", CultureInfo.InvariantCulture);
        string? bidding = null;

        await server.JourneyAsync("bidding-seller-announces", async page =>
        {
            await WebServer.SignInAsync(page, "spic.maker");
            await page.GotoAsync("/portal/trading");
            var form = page.Locator("form.announce-bidding-form");
            await form.Locator("select[name=instrument]").SelectOptionAsync($"{code}/{vintage}");
            await form.Locator("select[name=side]").SelectOptionAsync("sell");
            await form.Locator("input[name=quantity]").FillAsync(quantity.ToString(CultureInfo.InvariantCulture));
            await form.Locator("input[name=reserve]").FillAsync(yuan);
            await form.Locator("button").ClickAsync();
            await ExpectDoneAsync(page, "bidding-announced");
            var row = page.Locator("table.biddings tbody tr", new() { HasText = $"#{spic}" }).Last;
            await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync(Tonnes(quantity));
            await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync(Yuan(price));
            await Assertions.Expect(row.Locator("form.place-bid-form")).ToHaveCountAsync(0);
            bidding = await row.GetAttributeAsync("data-bidding");
        });
        Assert.NotNull(bidding);

        var turnover = price * quantity;
        var fee = server.Exchange.Rules.Fees.TradingFee(new Money(turnover)).Fen;
        var heldBefore = (await server.Store.Exchange.CashAccountAsync(jidong))?.HeldFen ?? 0;
        await server.JourneyAsync("bidding-buyer-bids", async page =>
        {
            await WebServer.SignInAsync(page, "jidong.trader");
            await page.GotoAsync("/portal/trading");
            await page.FillAsync("form.deposit-form input[name=amount]", ((turnover + fee) / 100m).ToString("0.00", CultureInfo.InvariantCulture));
            await page.ClickAsync("form.deposit-form button");
            await ExpectDoneAsync(page, "deposited");
            var row = page.Locator($"table.biddings tr[data-bidding='{bidding}']");
            // A bid below a sale's reserve price is refused next to the form.
            await row.Locator("input[name=price]").FillAsync(((price - 1) / 100m).ToString("0.00", CultureInfo.InvariantCulture));
            await row.Locator("input[name=quantity]").FillAsync(quantity.ToString(CultureInfo.InvariantCulture));
            await row.Locator("button").ClickAsync();
            await Assertions.Expect(page.Locator($"table.biddings tr[data-bidding='{bidding}'] .form-problem")).ToBeVisibleAsync();
            row = page.Locator($"table.biddings tr[data-bidding='{bidding}']");
            await row.Locator("input[name=price]").FillAsync(yuan);
            await row.Locator("input[name=quantity]").FillAsync(quantity.ToString(CultureInfo.InvariantCulture));
            await row.Locator("button").ClickAsync();
            await ExpectDoneAsync(page, "bid-placed");
            await Assertions.Expect(page.Locator("[data-cash=held]")).ToHaveTextAsync(Yuan(heldBefore + turnover + fee));
        });

        // The exchange operator closes the bidding on the exchange page: refused while its window is open,
        // and after the window the bid is allocated at the reserve price.
        await server.JourneyAsync("bidding-operator-closes-the-bidding", async page =>
        {
            await WebServer.SignInAsync(page, "bgx.operator");
            await page.GotoAsync("/portal/exchange");
            var row = page.Locator($"#biddings tr[data-bidding='{bidding}']");
            await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync(Tonnes(quantity));
            var newestBefore = (await server.Store.Exchange.TradesAsync(code, vintage, 1)).FirstOrDefault()?.TradeId;
            await row.Locator("form.close-bidding-form button").ClickAsync();
            await Assertions.Expect(page.Locator("p.form-problem")).ToBeVisibleAsync();
            Assert.Equal(newestBefore, (await server.Store.Exchange.TradesAsync(code, vintage, 1)).FirstOrDefault()?.TradeId);
            server.Time.Advance(TimeSpan.FromHours(2));
            await page.GotoAsync("/portal/exchange");
            await page.Locator($"#biddings tr[data-bidding='{bidding}'] form.close-bidding-form button").ClickAsync();
            await ExpectDoneAsync(page, "bidding-closed");
            await Assertions.Expect(page.Locator($"#biddings tr[data-bidding='{bidding}']")).ToHaveCountAsync(0);
        });
        var trade = (await server.Store.Exchange.TradesAsync(code, vintage, 1))[0];
        Assert.Equal((jidong, spic, quantity, price), (trade.BuyerId, trade.SellerId, trade.Quantity, trade.PriceFen));

        server.Time.Advance(TimeSpan.FromDays(1));
        await server.JourneyAsync("bidding-operator-closes-and-settles", page => OperatorClosesAndSettlesAsync(page, trade.TradeDate));

        await server.JourneyAsync("bidding-buyer-sees-the-allocation", async page =>
        {
            await WebServer.SignInAsync(page, "jidong.trader");
            await page.GotoAsync("/portal/trading");
            await Assertions.Expect(page.Locator($"table.biddings tr[data-bidding='{bidding}']")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-cash=held]")).ToHaveTextAsync(Yuan(heldBefore));
            await Assertions.Expect(page.Locator($"[data-trading-holding='{key}'] [data-available]")).ToHaveTextAsync(Tonnes(jidongTradingBefore + quantity));
            var report = page.Locator($"article.report[data-date='{trade.TradeDate}']");
            await Assertions.Expect(report.Locator($"tr[data-trade='{trade.TradeId}']")).ToHaveAttributeAsync("data-side", "Buy");
        });
    }
}
