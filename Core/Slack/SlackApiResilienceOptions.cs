using System.ComponentModel.DataAnnotations;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Slack;

/// <summary><c>Slack:Retry</c>: retry and timeout tunables of <see cref="SlackApi"/>; the defaults suit production.</summary>
public sealed class SlackApiResilienceOptions
{
    public const string Section = "Slack:Retry";

    /// <summary>Retries after the first attempt for 429, 5xx, network faults and attempt timeouts.</summary>
    [Range(0, 20)]
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First backoff delay for 5xx and network faults; doubles per attempt, with jitter.</summary>
    [DurationRange("00:00:00", "00:10:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest backoff delay.</summary>
    [DurationRange("00:00:00", "01:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest Retry-After honoured; a larger value is capped so one call cannot stall for hours.</summary>
    [DurationRange("00:00:00", "01:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Time allowed for one HTTP attempt.</summary>
    [DurationRange("00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
