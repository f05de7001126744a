using System.Globalization;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Slack;
using SocketDeployer.Core.Time;

namespace SocketDeployer.Core.Policy.Freezes;

/// <summary>What freezes say in Slack, as pure functions: the refusal, the break-glass notes, and the lines of help and status.</summary>
public static class FreezeMessages
{
    /// <summary>The flag that breaks glass: <c>deploy app 1.2.3 --break-glass &lt;reason&gt;</c>.</summary>
    public const string BreakGlassFlag = "--break-glass";

    /// <summary>"Mon Dec 7 08:00 UTC": a weekday so a reader knows at once whether it is this weekend.</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("ddd MMM d HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"in 2 h 5 min", "now" once it passed.</summary>
    public static string In(DateTimeOffset at, DateTimeOffset now) => at <= now ? "now" : $"in {HumanDuration.Format(at - now)}";

    /// <summary>The refusal of a deploy during a freeze: every freeze in force, when the service is free again, and
    /// how to break glass (or that it is not configured).</summary>
    public static SlackMessage Refused(string service, IReadOnlyList<FreezePeriod> periods, DateTimeOffset until, DateTimeOffset now, bool breakGlass)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var text = $":snowflake: *{service}* is frozen: {string.Join("; ", periods.Select(p => Period(p, now)))}. " +
                   $"Deploys are refused until {Instant(until)} ({In(until, now)}). " +
                   (breakGlass
                       ? $"For an emergency, add `{BreakGlassFlag} <reason>` to the deploy: the release then needs one approval more, from a break-glass approver."
                       : "Breaking glass is not configured here (Deploy:BreakGlassApprovers is empty).");
        return Plain(text);
    }

    /// <summary><c>--break-glass</c> asked for while no break-glass approver is configured.</summary>
    public static SlackMessage BreakGlassUnavailable(string service, DateTimeOffset until, DateTimeOffset now) =>
        Plain($":no_entry: *{service}* is frozen until {Instant(until)} ({In(until, now)}) and breaking glass is not configured " +
              "(Deploy:BreakGlassApprovers is empty), so the freeze cannot be overridden from Slack.");

    /// <summary>The prompt's line for a break-glass release: why, and who must add the extra approval.</summary>
    public static string BreakGlassPrompt(string reason, IReadOnlyList<string> approvers) =>
        $":rotating_light: *Break-glass release* during a freeze: {SlackText.Escape(reason, 200)}. " +
        $"It needs one approval more than usual, from a break-glass approver: {string.Join(", ", approvers.Select(Person))}.";

    /// <summary>"*friday* (Weekend: no deploys) until Mon Dec 7 08:00 UTC (in 2 h)".</summary>
    public static string Period(FreezePeriod period, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(period);
        return $"*{SlackText.Escape(period.Window.Name)}* ({SlackText.Escape(period.Window.Reason, 200)}){Scope(period.Window)} " +
               $"until {Instant(period.End)} ({In(period.End, now)})";
    }

    /// <summary>The freezes in force and the next one, for help and status; empty when no freeze is configured.</summary>
    public static string Summary(FreezeCalendar calendar, string? service)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!calendar.Windows.Any(w => w.AppliesTo(service)))
        {
            return "";
        }

        var now = calendar.Now;
        var inForce = calendar.InForceAt(service, now);
        var current = inForce.Count == 0
            ? ":sunny: No freeze in force."
            : $":snowflake: *Frozen*: {string.Join("; ", inForce.Select(p => Period(p, now)))}";
        var next = calendar.NextAt(service, now) is { } upcoming
            ? $"\n:calendar: Next freeze: *{SlackText.Escape(upcoming.Window.Name)}* ({SlackText.Escape(upcoming.Window.Reason, 200)}){Scope(upcoming.Window)} " +
              $"from {Instant(upcoming.Start)} ({In(upcoming.Start, now)}) until {Instant(upcoming.End)}"
            : "";
        return current + next;
    }

    /// <summary>The help's freeze section: <see cref="Summary"/> and what a requester can do during a freeze.</summary>
    public static string Help(FreezeCalendar calendar, bool breakGlassConfigured)
    {
        var summary = Summary(calendar, null);
        return summary.Length == 0
            ? ""
            : summary + (breakGlassConfigured
                ? $"\n    during a freeze, add `{BreakGlassFlag} &lt;reason&gt;` to a deploy: it then needs one approval more, from a break-glass approver"
                : "\n    breaking glass is not configured: deploys wait for the freeze to end");
    }

    private static string Scope(FreezeWindow window) =>
        window.Services.Count == 0 ? "" : $" for {string.Join(", ", window.Services.Order(StringComparer.Ordinal).Select(s => $"*{s}*"))}";

    private static string Person(string id) => id.StartsWith('S') ? $"<!subteam^{id}>" : $"<@{id}>";

    private static SlackMessage Plain(string text) => new(text, Flow.BlockKit.Blocks(Flow.BlockKit.Section(text)));
}
