using System.Globalization;

namespace SocketDeployer.Core.Aws.Events;

/// <summary>
/// Reads the times in SSM's EventBridge events. <c>detail.StartTime</c>/<c>EndTime</c> are Java-style strings
/// ("Nov 29, 2024 7:43:25 PM") with no zone, taken as UTC; the envelope's <c>time</c> is ISO 8601.
/// </summary>
internal static class SsmEventTime
{
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;

    // Newer JDKs (CLDR data) put a comma after the year and a narrow no-break space before AM/PM; both are accepted.
    private static readonly string[] DetailFormats =
    [
        "MMM d, yyyy h:mm:ss tt",
        "MMM dd, yyyy hh:mm:ss tt",
        "MMM d, yyyy, h:mm:ss tt",
        "MMM dd, yyyy, hh:mm:ss tt",
        "MMM d, yyyy H:mm:ss",
        "MMM d, yyyy, H:mm:ss",
    ];

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>A detail time, or null when absent, empty, "null" or unreadable: a bad time is not worth losing the event.</summary>
    public static DateTimeOffset? ParseDetailTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
            return null;

        var normalized = text.Replace('\u202F', ' ').Replace('\u00A0', ' ').Trim();
        if (DateTimeOffset.TryParseExact(normalized, DetailFormats, CultureInfo.InvariantCulture, Utc, out var time))
            return time;

        return ParseIso(normalized);
    }

    /// <summary>An ISO 8601 time ("2024-11-29T19:43:35Z"); without an offset it is taken as UTC.</summary>
    public static DateTimeOffset? ParseIso(string? text) =>
        text is { Length: <= 64 } && DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, Utc, out var time)
            ? time
            : null;
}
