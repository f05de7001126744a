using System.Globalization;
using System.Text.RegularExpressions;

namespace SocketDeployer.Core.Policy.Freezes;

/// <summary>The two forms a freeze's Start and End take: an instant in UTC, or a weekday and a time of day (UTC).</summary>
public static partial class FreezeTime
{
    /// <summary>An ISO 8601 instant whose offset is zero (<c>Z</c> or <c>+00:00</c>); null with a reason otherwise.</summary>
    public static DateTimeOffset? ParseInstant(string text, out string? error)
    {
        error = null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) || !HasOffset().IsMatch(text))
        {
            error = $"'{text}' is not an instant in UTC (e.g. 2026-12-23T18:00:00Z) nor a weekly time (e.g. Friday 16:00)";
            return null;
        }

        if (instant.Offset != TimeSpan.Zero)
        {
            error = $"'{text}' must be in UTC (end it with Z), not at offset {instant.Offset:hh\\:mm}";
            return null;
        }

        return instant;
    }

    /// <summary>"Friday 16:00" (English day name or its three-letter form, 24-hour time, optional "UTC") as the time
    /// since Monday 00:00; null when the text is not of that form.</summary>
    public static TimeSpan? ParseWeekly(string text)
    {
        var match = Weekly().Match(text.Trim());
        if (!match.Success || Day(match.Groups["day"].Value) is not { } day)
        {
            return null;
        }

        var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minutes = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        return hours > 23 || minutes > 59 ? null : TimeSpan.FromDays(day) + new TimeSpan(hours, minutes, 0);
    }

    /// <summary>Whether <paramref name="text"/> looks weekly (starts with a day name), to tell which error to report.</summary>
    public static bool LooksWeekly(string text) => Day(text.Trim().Split(' ')[0]) is not null;

    // Days counted from Monday, as ISO weeks are.
    private static int? Day(string name)
    {
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var full = day.ToString();
            if (name.Equals(full, StringComparison.OrdinalIgnoreCase) || name.Equals(full[..3], StringComparison.OrdinalIgnoreCase))
            {
                return ((int)day + 6) % 7;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?<day>[A-Za-z]+)\s+(?<h>\d{1,2}):(?<m>\d{2})(\s+UTC)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Weekly();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}
