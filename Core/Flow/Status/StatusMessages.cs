using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Status;

/// <summary>The replies to <c>status</c>, as pure functions of what SSM and the tags said.</summary>
public static partial class StatusMessages
{
    /// <summary>At most this many lines per list; the rest is counted in "… and N more".</summary>
    public const int MaxLines = 20;

    /// <summary>The whole overview, or one service's when <paramref name="scope"/> names it.</summary>
    /// <param name="locks">The <see cref="Locks"/> section, when it was read.</param>
    /// <param name="freezes">The freezes in force and the next one, when any is configured.</param>
    public static SlackMessage Overview(IReadOnlyList<ServiceStatus> services, DateTimeOffset now, string? scope = null, string? locks = null, string? freezes = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var running = services.SelectMany(s => s.Running).Select(line => RunningLine(line, now)).ToList();
        var runningText = running.Count == 0
            ? scope is null ? ":white_check_mark: Nothing is running." : $":white_check_mark: Nothing of *{scope}* is running."
            : List(":arrows_counterclockwise: *Running*", running);
        var lastText = List(":checkered_flag: *Last result*", [.. services.Select(s => LastLine(s, now))]);
        string[] sections = [runningText, lastText, .. new[] { locks, freezes }.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!)];
        return new SlackMessage(
            string.Join("\n", sections),
            BlockKit.Blocks([
                .. sections.Select(BlockKit.Section),
                BlockKit.Context("`status <service>` or `status <execution-id>` for one release"),
            ]));
    }

    /// <summary>The heading and a bullet per line, cut to <paramref name="maxLines"/> lines and one section's length.</summary>
    public static string List(string heading, IReadOnlyList<string> lines, int maxLines = MaxLines, int maxChars = BlockKit.SectionLimit)
    {
        ArgumentNullException.ThrowIfNull(heading);
        ArgumentNullException.ThrowIfNull(lines);
        // Room for the "… and N more" line, so the cut list still fits.
        var budget = maxChars - 32;
        var text = new StringBuilder(heading);
        var shown = 0;
        foreach (var line in lines)
        {
            if (shown == maxLines || text.Length + line.Length + 3 > budget)
                break;
            text.Append("\n• ").Append(line);
            shown++;
        }

        if (shown < lines.Count)
            text.Append(CultureInfo.InvariantCulture, $"\n… and {lines.Count - shown} more");
        return text.ToString();
    }

    /// <summary>"45s", "14m", "2h 05m", "3d 4h"; negative spans (clock skew) count as zero.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
            span = TimeSpan.Zero;
        return span switch
        {
            { TotalMinutes: < 1 } => $"{span.Seconds}s",
            { TotalHours: < 1 } => $"{span.Minutes}m",
            { TotalDays: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.Hours}h {span.Minutes:00}m"),
            _ => $"{(int)span.TotalDays}d {span.Hours}h",
        };
    }

    /// <summary>A Slack user id as a mention; anything else (tags can be edited in AWS) as escaped code that cannot ping.</summary>
    public static string Person(string id) =>
        UserId().IsMatch(id) ? $"<@{id}>" : SlackText.InlineCode(id);

    private static string RunningLine(ReleaseLine line, DateTimeOffset now)
    {
        var elapsed = line.Execution.StartTime is { } start ? $" for {Duration(now - start)}" : "";
        return $"{What(line.Service, line.Release)} — {SlackText.Escape(line.Execution.Status)}{elapsed} · {Link(line)}";
    }

    private static string LastLine(ServiceStatus status, DateTimeOffset now)
    {
        if (status.Last is not { } line)
            return $"*{status.Service}* — no finished release yet";
        var started = line.Execution.StartTime is { } start ? $", started {Duration(now - start)} ago" : "";
        return $"{What(line.Service, line.Release)} — {SlackText.Escape(line.Execution.Status)}{started} · {Link(line)}";
    }

    /// <summary>"*app* `r-99.1.0` by &lt;@U…&gt;", or "*app* started outside Slack".</summary>
    internal static string What(string service, ReleaseInfo? release)
    {
        if (release is null)
            return $"*{service}* started outside Slack";
        var version = release.Version.Length == 0 ? "" : " " + SlackText.InlineCode(release.Version);
        return $"*{service}*{version} by {Person(release.Requester)}";
    }

    private static string Link(ReleaseLine line) => ConsoleLink(line.Console, line.Execution.ExecutionId);

    internal static string ConsoleLink(Uri console, string executionId) => $"<{console}|{SlackText.InlineCode(executionId)}>";

    [GeneratedRegex("^[UW][A-Z0-9]{2,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserId();
}
