using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Core.Flow.Outside;

/// <summary>What became of an execution's first look: its release (known or just announced), none of ours, or being
/// announced by another instance right now (its event comes back once the thread is tagged).</summary>
public sealed record Adoption(ReleaseInfo? Release, bool Pending)
{
    /// <summary>Not started from Slack and not a catalogued document: ignored.</summary>
    public static readonly Adoption NotOurs = new(null, false);

    /// <summary>Another instance holds the announcement and has not tagged the thread yet.</summary>
    public static readonly Adoption Waiting = new(null, true);

    public static Adoption Of(ReleaseInfo release) => new(release, false);
}
