using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.History;

namespace SocketDeployer.Core.Flow.Changes;

/// <summary>The versions another service has released, when a request's version has not succeeded there.</summary>
/// <param name="Accepted">The most recent distinct versions that did succeed there, newest first (at most <see cref="ChangeReader.MaxAccepted"/>).</param>
public sealed record PromotionGap(string Service, IReadOnlyList<string> Accepted);

/// <summary>What releasing a version changes, and whether its promotion rule is met.</summary>
public sealed record ChangeCheck(ReleaseChanges Changes, PromotionGap? Gap);

/// <summary>Reads, from the history in SSM, the version live now and where a version succeeded before.</summary>
public sealed class ChangeReader(ServiceCatalog catalog, ReleaseHistory history)
{
    /// <summary>How many accepted versions a promotion refusal lists.</summary>
    public const int MaxAccepted = 5;

    /// <summary>The live version, the comparison link and the promotion check of releasing <paramref name="version"/>.</summary>
    /// <param name="isRollback">A rollback returns to a version that was live here already: the promotion rule is not asked again.</param>
    public async Task<ChangeCheck> CheckAsync(ServiceDefinition service, string version, bool isRollback, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(version);
        var live = await history.LiveAsync(service, ct);
        Promotion? promotion = null;
        PromotionGap? gap = null;
        if (!isRollback && service.RequiresSuccessOn is { } required && catalog.ByName.TryGetValue(required, out var upstream))
        {
            var successes = await history.SuccessesAsync(upstream, found => found[^1].Version == version, ct);
            if (successes.FirstOrDefault(r => r.Version == version) is { } match)
                promotion = new Promotion(upstream.Name, match.End ?? match.Start, match.ExecutionId);
            else
                gap = new PromotionGap(upstream.Name, [.. successes.Select(r => r.Version).Distinct(StringComparer.Ordinal).Take(MaxAccepted)]);
        }

        return new ChangeCheck(ReleaseChanges.For(service, version, live?.Version, isRollback, promotion), gap);
    }
}
