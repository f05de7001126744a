using System.ComponentModel.DataAnnotations;

namespace SocketDeployer.Core.Slack;

/// <summary><c>Slack:Pacing</c>: how fast the daemon posts, after Slack's published limits.</summary>
public sealed class SlackPacingOptions
{
    public const string Section = "Slack:Pacing";

    /// <summary>Off only against a Slack that does not limit (the Sandbox without rate limits).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>chat.postMessage per channel: "about one per second, short bursts allowed".</summary>
    [Range(0.1, 100)]
    public double PostsPerSecond { get; set; } = 1;

    /// <summary>Two, not Slack's three: one token of headroom absorbs network jitter between our clock and Slack's.</summary>
    [Range(1, 100)]
    public int PostBurst { get; set; } = 2;

    /// <summary>chat.update is Tier 3: 50 per minute.</summary>
    [Range(1, 1000)]
    public double UpdatesPerMinute { get; set; } = 50;

    [Range(1, 100)]
    public int UpdateBurst { get; set; } = 10;
}
