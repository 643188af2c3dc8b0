using OpenCcer.Application.Cash;
using OpenCcer.Application.Exchange;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage;
using OpenCcer.Storage.Exchange;

namespace OpenCcer.Server.Api;

/// <summary>
/// Wires the exchange into the server: its engine (sharing the registry's writer and store), the
/// settlement bank, the market clock and the exchange's authorization policies.
/// <para>
/// <c>Exchange:AlwaysOpenDemo</c> (default false) runs every market on <see cref="MarketClock.AlwaysOpenDemo"/>:
/// every day a trading day, always in session, a day closing at midnight China Standard Time. For the
/// demo only; a real market runs the standard clock on the PRC calendar. <c>Exchange:TradingFeeBasisPoints</c>
/// (default 60 = 6‰) is the fee each side pays.
/// </para>
/// </summary>
public static class ExchangeSetup
{
    public const string DemoClockKey = "Exchange:AlwaysOpenDemo";
    public const string FeeKey = "Exchange:TradingFeeBasisPoints";
    public const string TraderPolicy = "exchange-trader";
    public const string OperatorPolicy = "exchange-operator";
    public const string ReportReaderPolicy = "exchange-report-reader";
    public const string SurveillanceReaderPolicy = "exchange-surveillance-reader";

    public static async Task AddExchangeAsync(this WebApplicationBuilder builder, RegistryEngine registry)
    {
        var clock = builder.Configuration.GetValue(DemoClockKey, false)
            ? MarketClock.AlwaysOpenDemo()
            : MarketClock.Standard(await registry.Store.Reference.CalendarAsync());
        var rules = MarketRules.Default with { Fees = new FeeSchedule(builder.Configuration.GetValue(FeeKey, FeeSchedule.Default.RateBasisPoints)) };
        builder.Services.AddSingleton(sp => ExchangeEngine.StartAsync(registry, clock, rules, sp.GetRequiredService<TimeProvider>())
            .GetAwaiter().GetResult());
        builder.Services.AddSingleton<ISettlementBank>(new SimulatedSettlementBank());
        builder.Services.AddSingleton<ListedTrading>().AddSingleton<BulkAgreements>().AddSingleton<OneWayBiddings>().AddSingleton<MarketOperations>()
            .AddSingleton<Surveillance>().AddSingleton<SettlementReads>().AddSingleton<CashDesk>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(TraderPolicy, p => p.RequireRole(Roles.AccountHolders))
            .AddPolicy(OperatorPolicy, p => p.RequireRole(Roles.ExchangeOperator))
            .AddPolicy(ReportReaderPolicy, p => p.RequireRole([.. Roles.AccountHolders, Roles.ExchangeOperator, Roles.Regulator]))
            .AddPolicy(SurveillanceReaderPolicy, p => p.RequireRole(Roles.ExchangeOperator, Roles.Regulator));
    }

    /// <summary>Maps every exchange route and starts the engine now, so a journal that does not replay stops the server at start.</summary>
    public static WebApplication MapExchangeEndpoints(this WebApplication app)
    {
        app.Services.GetRequiredService<ExchangeEngine>();
        app.MapTradingEndpoints();
        app.MapCashEndpoints();
        app.MapMarketEndpoints();
        app.MapSurveillanceEndpoints();
        return app;
    }
}
