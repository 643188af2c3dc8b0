using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using static OpenCcer.Core.Tests.Exchange.ExchangeFixture;

namespace OpenCcer.Core.Tests.Exchange;

public sealed class BulkAgreementTests
{
    private static ProposeBulk Proposal(MarketDriver m, long priceFen = 5_000, long tonnes = 100_000, Side side = Side.Sell) =>
        new(m.NextId(), Alice, Bob, side, P(priceFen), T(tonnes), ParticipantPosition.Unlimited);

    [Theory]
    [InlineData(10, 0, ExchangeStatus.OutsideSession)]
    [InlineData(12, 59, ExchangeStatus.OutsideSession)]
    [InlineData(13, 0, ExchangeStatus.Ok)]
    [InlineData(14, 59, ExchangeStatus.Ok)]
    [InlineData(15, 0, ExchangeStatus.OutsideSession)]
    public void bulk_agreements_are_accepted_only_in_the_afternoon_session(int hour, int minute, ExchangeStatus expected)
    {
        var m = new MarketDriver();
        Assert.Equal(expected, m.Run(Proposal(m), At(hour, minute)));
    }

    [Theory]
    [InlineData(99_999, ExchangeStatus.QuantityBelowBulkMinimum)]
    [InlineData(100_000, ExchangeStatus.Ok)]
    [InlineData(0, ExchangeStatus.QuantityInvalid)]
    public void bulk_quantity_must_reach_the_minimum(long tonnes, ExchangeStatus expected)
    {
        var m = new MarketDriver();
        Assert.Equal(expected, m.Run(Proposal(m, tonnes: tonnes), At(13, 30)));
    }

    [Fact]
    public void bulk_minimum_is_configurable()
    {
        var m = new MarketDriver(MarketRules.Default with { Bulk = BulkRules.Default with { QuantityMinTonnes = 10 } });
        Assert.Equal(ExchangeStatus.Ok, m.Run(Proposal(m, tonnes: 10), At(13, 30)));
    }

    [Theory]
    [InlineData(3_500, ExchangeStatus.Ok)]
    [InlineData(6_500, ExchangeStatus.Ok)]
    [InlineData(3_499, ExchangeStatus.PriceOutsideLimit)]
    [InlineData(6_501, ExchangeStatus.PriceOutsideLimit)]
    public void bulk_price_must_lie_within_thirty_percent_of_the_base_price(long priceFen, ExchangeStatus expected)
    {
        var m = new MarketDriver();
        Assert.Equal(expected, m.Run(Proposal(m, priceFen), At(13, 30)));
    }

    [Fact]
    public void only_the_named_counterparty_can_confirm_and_confirmation_makes_one_trade()
    {
        var m = new MarketDriver();
        var proposal = Proposal(m, 6_000, 100_000);
        m.Run(proposal, At(13, 30));
        Assert.Equal(ExchangeStatus.SelfTake, m.Run(new ProposeBulk(m.NextId(), Alice, Alice, Side.Sell, P(5_000), T(100_000), ParticipantPosition.Unlimited), At(13, 30)));
        Assert.Equal(ExchangeStatus.NotCounterparty, m.Run(new ConfirmBulk(proposal.Id, Carol, ParticipantPosition.Unlimited), At(13, 31)));
        var cost = new Money((600_000_000L) + 3_600_000);
        Assert.Equal(ExchangeStatus.InsufficientFunds, m.Run(new ConfirmBulk(proposal.Id, Bob, new ParticipantPosition(T(0), cost - new Money(1), T(0))), At(13, 31)));
        Assert.Equal(ExchangeStatus.Ok, m.Run(new ConfirmBulk(proposal.Id, Bob, new ParticipantPosition(T(0), cost, T(0))), At(13, 31)));
        var trade = m.All<BulkConfirmed>().Single().Trade;
        Assert.Equal((Bob, Alice, TradeMethod.BulkAgreement, new Money(3_600_000)), (trade.BuyerId, trade.SellerId, trade.Method, trade.BuyerFee));
        Assert.Equal(ExchangeStatus.ProposalNotFound, m.Run(new ConfirmBulk(proposal.Id, Bob, ParticipantPosition.Unlimited), At(13, 32)));
        Assert.Equal(T(100_000), m.Market.Bar.Volume);
        Assert.Equal(T(0), m.Market.Bar.ListedVolume);
    }

    [Fact]
    public void a_declined_proposal_releases_the_proposers_reservation()
    {
        var m = new MarketDriver();
        var proposal = Proposal(m, 5_000, 100_000, Side.Buy);
        m.Run(proposal, At(13, 30));
        Assert.Equal(new Money(100_000L * 5_030), m.All<BulkProposed>().Single().FundsReserved);
        Assert.Equal(ExchangeStatus.NotCounterparty, m.Run(new DeclineBulk(proposal.Id, Carol), At(13, 31)));
        Assert.Equal(ExchangeStatus.Ok, m.Run(new DeclineBulk(proposal.Id, Bob), At(13, 31)));
        Assert.Equal(new BulkDeclined(At(13, 31), proposal.Id, T(0), new Money(100_000L * 5_030)), m.All<BulkDeclined>().Single());
        Assert.Empty(m.Market.Bulk.Open);
    }

    [Fact]
    public void unanswered_proposals_expire_at_the_close()
    {
        var m = new MarketDriver();
        var proposal = Proposal(m);
        m.Run(proposal, At(13, 30));
        Assert.Equal(ExchangeStatus.Ok, m.Run(new CloseDay(), At(15, 0)));
        Assert.Equal(new BulkExpired(At(15, 0), proposal.Id, T(100_000), Money.Zero), m.All<BulkExpired>().Single());
        Assert.Empty(m.Market.Bulk.Open);
    }
}
