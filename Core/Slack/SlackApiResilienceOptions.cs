namespace SocketDeployer.Core.Slack;

/// <summary>Retry and timeout tunables of <see cref="SlackApi"/>; the defaults suit production.</summary>
public sealed class SlackApiResilienceOptions
{
    /// <summary>Retries after the first attempt for 429, 5xx, network faults and attempt timeouts.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First backoff delay for 5xx and network faults; doubles per attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest backoff delay.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest Retry-After honoured; a larger value is capped so one call cannot stall for hours.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Time allowed for one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
