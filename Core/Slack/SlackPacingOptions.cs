using System.ComponentModel.DataAnnotations;
using SocketDeployer.Core.Catalog;

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

    /// <summary>Updates allowed at once. Tier 3 counts per minute, so 20 at once still leaves the minute's other 30
    /// paced. Twenty releases ending together in one channel each owe a final status edit after their result; with
    /// 10, those edits held the queue's handlers and the last result came 10 s later (docs/performance.md).</summary>
    [Range(1, 100)]
    public int UpdateBurst { get; set; } = 20;

    /// <summary>Refusals that may wait for one channel's posting slots; one more is not posted (it was audited and
    /// logged). Bounds how long a flood from many people keeps handlers busy; other posts are never shed.</summary>
    [Range(1, 1000)]
    public int RefusalsQueuedPerChannel { get; set; } = 5;

    /// <summary>Refusals answered to one person within <see cref="RefusalWindow"/>; the next one is answered by a
    /// single "slow down" message, and later ones not at all for <see cref="RefusalSilence"/>.</summary>
    [Range(1, 100)]
    public int RefusalsPerPerson { get; set; } = 3;

    /// <summary>The window <see cref="RefusalsPerPerson"/> counts in.</summary>
    [DurationRange("00:00:01", "1.00:00:00")]
    public TimeSpan RefusalWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a person told to slow down gets no refusal replies (audit and logs still record each).</summary>
    [DurationRange("00:00:01", "1.00:00:00")]
    public TimeSpan RefusalSilence { get; set; } = TimeSpan.FromMinutes(5);
}
