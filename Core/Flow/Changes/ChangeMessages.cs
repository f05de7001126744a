using System.Globalization;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;

namespace SocketDeployer.Core.Flow.Changes;

/// <summary>How replies and prompts say what a release changes, as pure functions.</summary>
public static class ChangeMessages
{
    /// <summary>"Live now: `r-1` · Compare `r-1`…`r-2`" or "Nothing is live yet"; then the rollback and promotion notes.</summary>
    public static string Line(ReleaseChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.IsRollback ? $":rewind: {Rollback(changes)} · {Details(changes)}" : Details(changes);
    }

    /// <summary>The live version, the comparison link and the promotion, without the rollback note (a prompt's header says it).</summary>
    public static string Details(ReleaseChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.PromotedFrom is { } promotion ? $"{Live(changes)} · {Promoted(promotion)}" : Live(changes);
    }

    /// <summary>The refusal of a version that has not succeeded where the service's promotion rule says it must.</summary>
    public static string NotPromoted(ServiceDefinition service, string version, PromotionGap gap)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(gap);
        var upstream = $"*{SlackText.Escape(gap.Service)}*";
        var accepted = gap.Accepted.Count == 0
            ? $"Nothing has succeeded on {upstream} yet."
            : $"Versions that succeeded there: {string.Join(", ", gap.Accepted.Select(v => SlackText.InlineCode(v)))}.";
        return $":no_entry: {SlackText.InlineCode(version)} has not succeeded on {upstream}; *{service.Name}* releases only versions that did. {accepted}";
    }

    /// <summary>"Live now: `r-1` · Compare r-1…r-2" (a link), or "Nothing is live yet".</summary>
    public static string Live(ReleaseChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.LiveVersion is not { } live)
            return "Nothing is live yet";
        if (live == changes.Version)
            return $"Live now: {SlackText.InlineCode(live)} (the same version)";
        return changes.Compare is { } compare
            ? $"Live now: {SlackText.InlineCode(live)} · <{compare}|Compare {Escape(live)}…{Escape(changes.Version)}>"
            : $"Live now: {SlackText.InlineCode(live)}";
    }

    /// <summary>"Rollback from `r-2` to `r-1`".</summary>
    public static string Rollback(ReleaseChanges changes) => "Rollback " + FromTo(changes);

    /// <summary>" (rollback from `r-2`)" after a rollback's version in its progress and result; empty for any other release.</summary>
    public static string RollbackNote(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (tags.GetValueOrDefault(ChangeTags.Kind) != ChangeTags.RollbackKind)
            return "";
        return tags.TryGetValue(ChangeTags.Live, out var live) ? $" (rollback from {SlackText.InlineCode(live)})" : " (rollback)";
    }

    /// <summary>"from `r-2` to `r-1`", or "to `r-1`" when nothing is live.</summary>
    public static string FromTo(ReleaseChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.LiveVersion is { } live
            ? $"from {SlackText.InlineCode(live)} to {SlackText.InlineCode(changes.Version)}"
            : $"to {SlackText.InlineCode(changes.Version)}";
    }

    /// <summary>"Succeeded on *app-staging* at 2026-12-02 01:00 UTC (`execution id`)".</summary>
    public static string Promoted(Promotion promotion)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        var when = promotion.At is { } at ? $" at {Utc(at)}" : "";
        return $":white_check_mark: Succeeded on *{SlackText.Escape(promotion.Service)}*{when} ({SlackText.InlineCode(promotion.ExecutionId)})";
    }

    internal static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    // A link label is plain mrkdwn: code spans do not render inside it, and '|' or '>' would end it.
    private static string Escape(string version) => SlackText.Escape(version).Replace("|", "¦", StringComparison.Ordinal);
}
