using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace OpenCcer.Server.Tests;

public sealed class ServerClockTests
{
    private static IConfiguration Settings(string? startAt) => new ConfigurationBuilder()
        .AddInMemoryCollection(startAt is null ? [] : [new(ServerClock.StartAtKey, startAt)]).Build();

    [Fact]
    public void without_a_start_the_server_runs_on_the_system_clock()
    {
        var system = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 17, 0, 0, TimeSpan.Zero));
        Assert.Same(system, ServerClock.From(Settings(null), system));
        Assert.Same(system, ServerClock.From(Settings(" "), system));
    }

    [Theory]
    [InlineData("2026-12-01T10:00:00+08:00")]
    [InlineData("2026-12-01T02:00:00Z")]
    [InlineData("2026-12-01T02:00:00.000Z")]
    public void a_start_reads_as_that_instant_at_once_and_then_advances_in_real_time(string startAt)
    {
        var system = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 17, 3, 0, TimeSpan.Zero));
        var clock = ServerClock.From(Settings(startAt), system);
        var start = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal(start, clock.GetUtcNow());
        system.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal(start.AddMinutes(90), clock.GetUtcNow());
        Assert.Equal(system.GetTimestamp(), clock.GetTimestamp());
    }

    [Theory]
    [InlineData("2026-12-01T10:00:00")]
    [InlineData("2026-12-01")]
    [InlineData("tomorrow")]
    public void a_start_without_an_offset_or_not_an_instant_stops_the_server(string startAt)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => ServerClock.From(Settings(startAt), TimeProvider.System));
        Assert.Contains(ServerClock.StartAtKey, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_start_earlier_than_the_last_recorded_instant_stops_the_server()
    {
        var system = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 17, 0, 0, TimeSpan.Zero));
        var settings = Settings("2026-12-01T10:00:00+08:00");
        var clock = ServerClock.From(settings, system);
        var recorded = new DateTimeOffset(2026, 12, 1, 2, 0, 1, TimeSpan.Zero);
        var failure = Assert.Throws<InvalidOperationException>(() => ServerClock.RefuseStartBefore(recorded, settings, clock));
        Assert.Contains("2026-12-01T02:00:01Z", failure.Message, StringComparison.Ordinal);
        Assert.Contains(ServerClock.StartAtKey, failure.Message, StringComparison.Ordinal);
        // At the recorded instant or after it, on an empty store, or on the system clock, the server starts.
        ServerClock.RefuseStartBefore(recorded.AddSeconds(-1), settings, clock);
        ServerClock.RefuseStartBefore(null, settings, clock);
        ServerClock.RefuseStartBefore(recorded, Settings(null), system);
    }
}
