using System.Globalization;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Flow.Changes;

/// <summary>Where a version succeeded before it may be released here.</summary>
public sealed record Promotion(string Service, DateTimeOffset? At, string ExecutionId);

/// <summary>What a release changes: the version live now, the comparison link, whether it is a rollback, and where
/// the version was promoted from.</summary>
/// <param name="LiveVersion">The version live when the release was asked for; null when nothing is live yet.</param>
/// <param name="Compare">The repository's comparison of the live version with <paramref name="Version"/>; null without a repository or a live version.</param>
public sealed record ReleaseChanges(string Version, string? LiveVersion, Uri? Compare, bool IsRollback, Promotion? PromotedFrom)
{
    /// <summary>The changes of releasing <paramref name="version"/> of <paramref name="service"/> over <paramref name="liveVersion"/>.</summary>
    public static ReleaseChanges For(ServiceDefinition service, string version, string? liveVersion, bool isRollback, Promotion? promotedFrom)
    {
        ArgumentNullException.ThrowIfNull(service);
        var compare = liveVersion is null || liveVersion == version ? null : CompareUrlTemplate.Fill(service.CompareUrl, liveVersion, version);
        return new ReleaseChanges(version, liveVersion, compare, isRollback, promotedFrom);
    }

    /// <summary>The tags that carry these changes on the execution (<see cref="ChangeTags"/>).</summary>
    public IReadOnlyDictionary<string, string> Tags()
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (LiveVersion is not null)
            tags[ChangeTags.Live] = LiveVersion;
        tags[ChangeTags.Kind] = IsRollback ? ChangeTags.RollbackKind : ChangeTags.DeployKind;
        if (PromotedFrom is { } promotion)
            tags[ChangeTags.Promoted] = string.Create(CultureInfo.InvariantCulture,
                $"{promotion.Service}/{promotion.At?.ToUnixTimeSeconds() ?? 0}/{promotion.ExecutionId}");
        return tags;
    }

    /// <summary>The changes a started release's tags recorded (see <see cref="Tags"/>); null when it was not started by a command.</summary>
    public static ReleaseChanges? FromTags(ServiceDefinition service, string version, IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (!tags.TryGetValue(ChangeTags.Kind, out var kind))
            return null;
        Promotion? promotion = null;
        if (tags.TryGetValue(ChangeTags.Promoted, out var promoted) && promoted.Split('/') is [var from, var seconds, var execution]
            && long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
        {
            promotion = new Promotion(from, unix == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(unix), execution);
        }

        return For(service, version, tags.GetValueOrDefault(ChangeTags.Live), kind == ChangeTags.RollbackKind, promotion);
    }
}
