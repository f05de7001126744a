using System.Globalization;

namespace SocketDeployer.Core.Flow.Progress;

/// <summary>Durations as people read them in a thread: "12s", "14m 03s", "1h 02m".</summary>
public static class Durations
{
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        return duration.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}h {duration.Minutes:00}m")
            : duration.TotalMinutes >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes}m {duration.Seconds:00}s")
                : string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalSeconds}s");
    }

    public static string? Between(DateTimeOffset? start, DateTimeOffset? end) =>
        start is { } s && end is { } e ? Format(e - s) : null;
}
