namespace OpenCcer.Server.Tests;

public sealed class StatisticsApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task public_statistics_show_issuance_cancellations_and_the_project_pipeline()
    {
        var client = server.As(null);
        var s = await ServerFixture.Json(await client.GetAsync("/api/v1/public/statistics"));
        var totals = await ServerFixture.Json(await client.GetAsync("/api/v1/public/totals"));
        long Sum(string group) => s.GetProperty(group).EnumerateArray().Sum(r => r.GetProperty("tonnes").GetInt64());
        Assert.Equal(totals.GetProperty("issued_tonnes").GetInt64(), Sum("issuance_by_methodology"));
        Assert.Equal(totals.GetProperty("issued_tonnes").GetInt64(), Sum("issuance_by_province"));
        Assert.Equal(totals.GetProperty("issued_tonnes").GetInt64(), Sum("issuance_by_vintage"));
        Assert.Equal(totals.GetProperty("cancelled_tonnes").GetInt64(), Sum("cancellations_by_purpose"));
        Assert.Contains(s.GetProperty("cancellations_by_purpose").EnumerateArray(), r => r.GetProperty("key").GetString() == "large_event_neutrality");
        var pipeline = s.GetProperty("pipeline");
        Assert.True(pipeline.GetProperty("registered").GetInt64() > 0);
        Assert.True(pipeline.GetProperty("in_public_notice").GetInt64() > 0);
        Assert.Empty(s.GetProperty("offsets_by_compliance_period").EnumerateArray());
    }
}
