using System.Globalization;
using Microsoft.Playwright;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Exchange;

namespace OpenCcer.Web.Tests;

/// <summary>The public market pages, signed out: the instrument list, one market's bar, depth, chart and time and sales, the home headline.</summary>
[Collection(WebCollection.Name)]
public sealed class MarketJourneys(WebServer server)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static string Yuan(long fen) => "¥" + (fen / 100m).ToString("N2", English);

    private static string Tonnes(long t) => t.ToString("N0", English) + " t";

    [Fact]
    public async Task a_visitor_sees_prices_depth_and_a_new_trade_on_the_market_pages()
    {
        var instrument = ExchangeDemoSeed.Instrument;
        // The demo seller offers 200 t at the base price (listings of earlier days expire when a day closes).
        var basePrice = server.Exchange.Market(instrument)!.BasePrice;
        var offered = await server.Exchange.ExecuteAsync("web-test-market-ask", "web-test-market-ask", c =>
            c.ParticipantOf(ExchangeDemoSeed.Seller) is { } me
                ? ExchangeStep.Run(new ToMarket(instrument, new PostListing(new OrderId(c.Sequence), me, Side.Sell, basePrice,
                    new Core.Primitives.Tonnes(200), c.Position(me, instrument))))
                : ExchangeStep.Refuse(VenueStatus.NoTradingAccount));
        Assert.True(offered.IsOk, $"{offered.Status} {offered.MarketStatus}");
        var before = server.Exchange.Market(instrument)!;
        var bestAsk = before.Depth.Asks[0];

        await server.JourneyAsync("market-list", async page =>
        {
            await page.GotoAsync("/?culture=en");
            await page.ClickAsync("nav.main-nav a[href='/market']");
            var row = page.Locator($"tr[data-instrument='{instrument.ProjectCode}-{instrument.Vintage}']");
            await Assertions.Expect(row.Locator("[data-base]")).ToHaveTextAsync(Yuan(before.BasePrice.Fen));
            await row.Locator("a").ClickAsync();
            await page.WaitForURLAsync($"**/market/{instrument.ProjectCode}/{instrument.Vintage}");
            Assert.Equal(Math.Min(5, before.Depth.Asks.Count), await page.Locator("table.depth tr[data-side=ask]").CountAsync());
            var ask1 = page.Locator("table.depth tr[data-side=ask][data-level='1']");
            await Assertions.Expect(ask1.Locator("td").Nth(1)).ToHaveTextAsync(Yuan(bestAsk.Price.Fen));
            await Assertions.Expect(ask1.Locator("td").Nth(2)).ToHaveTextAsync(Tonnes(bestAsk.Quantity.Value));
            if (before.Depth.Bids.Count > 0)
                await Assertions.Expect(page.Locator("table.depth tr[data-side=bid][data-level='1'] td").Nth(1)).ToHaveTextAsync(Yuan(before.Depth.Bids[0].Price.Fen));
        });

        // Shanghai Green Capital takes 10 t from the best ask, as the API's take-best does.
        var outcome = await server.Exchange.ExecuteAsync("web-test-market-take", "web-test-market-take", c =>
            c.ParticipantOf(ExchangeDemoSeed.Buyer) is { } me
                ? ExchangeStep.Run(new ToMarket(instrument, new TakeBestListing(Side.Sell, me, new Core.Primitives.Tonnes(10), c.Position(me, instrument))))
                : ExchangeStep.Refuse(VenueStatus.NoTradingAccount));
        Assert.True(outcome.IsOk, $"{outcome.Status} {outcome.MarketStatus}");
        var after = server.Exchange.Market(instrument)!;
        var trade = (await server.Store.Exchange.TradesAsync(instrument.ProjectCode, instrument.Vintage, 1))[0];
        Assert.Equal(bestAsk.Price.Fen, trade.PriceFen);

        await server.JourneyAsync("market-after-a-trade", async page =>
        {
            await page.GotoAsync($"/market/{instrument.ProjectCode}/{instrument.Vintage}?culture=en");
            var print = page.Locator($"table.trades tr[data-trade='{trade.TradeId}']");
            await Assertions.Expect(print.Locator("td").Nth(1)).ToHaveTextAsync(Yuan(trade.PriceFen));
            await Assertions.Expect(print.Locator("td").Nth(2)).ToHaveTextAsync("10 t");
            await Assertions.Expect(print.Locator("td").Nth(4)).ToHaveTextAsync("Listed agreement");
            await Assertions.Expect(page.Locator("[data-bar=volume]")).ToHaveTextAsync(Tonnes(after.Bar.Volume.Value));
            await Assertions.Expect(page.Locator("[data-bar=close]")).ToHaveTextAsync(Yuan(after.Bar.Close!.Value.Fen));
            var remaining = after.Depth.Asks.First(l => l.Price == bestAsk.Price).Quantity.Value;
            Assert.Equal(bestAsk.Quantity.Value - 10, remaining);
            await Assertions.Expect(page.Locator($"table.depth tr[data-side=ask]:has(td:text-is('{Yuan(bestAsk.Price.Fen)}')) td").Nth(2))
                .ToHaveTextAsync(Tonnes(remaining));
            // The bundled Chart.js drew the price and volume chart (the page allows only its own scripts).
            await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.getElementById('market-chart')) !== undefined");
            var sets = await page.EvaluateAsync<int>("() => Chart.getChart(document.getElementById('market-chart')).data.datasets.length");
            Assert.Equal(2, sets);

            // The home page's headline shows the latest price, linked to its market.
            await page.GotoAsync("/?culture=en");
            var latest = page.Locator("[data-figure=latest-price]");
            await Assertions.Expect(latest.Locator(".value")).ToHaveTextAsync(Yuan(trade.PriceFen));
            await Assertions.Expect(page.Locator("[data-figure=traded] .value")).Not.ToHaveTextAsync("0 t");

            await page.GotoAsync($"/market/{instrument.ProjectCode}/{instrument.Vintage}?culture=zh-CN");
            await Assertions.Expect(page.Locator("h2").Nth(2)).ToHaveTextAsync("五档盘口");
            await Assertions.Expect(page.Locator($"table.trades tr[data-trade='{trade.TradeId}'] td").Nth(4)).ToHaveTextAsync("挂牌协议");
        });
    }
}
