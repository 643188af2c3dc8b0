using System.Globalization;

namespace OpenCcer.Server;

/// <summary>
/// The clock every writer of the server stamps with (registry journal, exchange journal, settlement).
/// By default the system clock. <c>Clock:StartAt</c> (an ISO 8601 instant with its offset, e.g.
/// <c>2026-12-01T10:00:00+08:00</c>) starts the clock at that instant when the server starts; it then
/// advances in real time. For tests and demonstrations that must trade in a session and settle after a
/// close at a chosen hour, never for a real market: journal instants must not go backwards, so the
/// server refuses a start earlier than the last instant the store recorded (see <see cref="RefuseStartBefore"/>).
/// </summary>
public static class ServerClock
{
    public const string StartAtKey = "Clock:StartAt";

    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    /// <summary>The system clock, or the system clock shifted so it reads <c>Clock:StartAt</c> now.</summary>
    public static TimeProvider From(IConfiguration configuration, TimeProvider system)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(system);
        var value = configuration[StartAtKey];
        if (string.IsNullOrWhiteSpace(value)) return system;
        if (!DateTimeOffset.TryParseExact(value.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
            throw new InvalidOperationException(
                $"{StartAtKey} is '{value}': give an ISO 8601 instant with its offset, such as 2026-12-01T10:00:00+08:00 or 2026-12-01T02:00:00Z.");
        return StartingAt(start, system);
    }

    /// <summary>
    /// Stops the server when <c>Clock:StartAt</c> is set and <paramref name="clock"/> reads earlier than
    /// <paramref name="lastRecorded"/>, the last instant the store's journals recorded: the journals'
    /// instants must not go backwards. The system clock is not checked.
    /// </summary>
    public static void RefuseStartBefore(DateTimeOffset? lastRecorded, IConfiguration configuration, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(clock);
        var value = configuration[StartAtKey];
        if (string.IsNullOrWhiteSpace(value) || lastRecorded is not { } last) return;
        var now = clock.GetUtcNow();
        if (now < last)
            throw new InvalidOperationException(
                $"{StartAtKey} is '{value}', earlier than {last.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}, the last instant this store recorded: " +
                "journal instants must not go backwards. Start at or after that instant, or on a new store.");
    }

    /// <summary><paramref name="system"/> shifted so that it reads <paramref name="start"/> now.</summary>
    public static TimeProvider StartingAt(DateTimeOffset start, TimeProvider system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new Shifted(system, start - system.GetUtcNow());
    }

    /// <summary>Another clock plus a fixed offset; timers and timestamps stay the other clock's.</summary>
    private sealed class Shifted(TimeProvider inner, TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + offset;

        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override long GetTimestamp() => inner.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            inner.CreateTimer(callback, state, dueTime, period);
    }
}
