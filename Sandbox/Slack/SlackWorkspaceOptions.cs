using Microsoft.Extensions.Logging;

namespace SocketDeployer.Sandbox.Slack;

/// <summary>How a <see cref="SlackWorkspace"/> behaves; the defaults suit tests.</summary>
public sealed class SlackWorkspaceOptions
{
    /// <summary>Clock for ts values, ack deadlines, rate limits and the disconnect grace period.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How long a Socket Mode envelope may stay unacknowledged before it is redelivered (Slack: 3 s).</summary>
    public TimeSpan AckDeadline { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Redeliveries of an unacknowledged envelope before Slack gives up (Slack: 3).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Answer 429 with Retry-After like Slack's tiers; off by default so tests are not paced.</summary>
    public bool EnforceRateLimits { get; init; }

    /// <summary>How long a socket stays open after a <c>warning</c>/<c>refresh_requested</c> disconnect (Slack: about 10 s).</summary>
    public TimeSpan DisconnectGrace { get; init; } = TimeSpan.FromSeconds(10);

    public string TeamId { get; init; } = "T0SANDBOX";
    public string TeamName { get; init; } = "Sandbox";
    public string TeamDomain { get; init; } = "sandbox";
    public string AppId { get; init; } = "A0SANDBOX";
    public string BotUserId { get; init; } = "U0DEPLOYBOT";
    public string BotUserName { get; init; } = "deploybot";
    public string BotId { get; init; } = "B0DEPLOYBOT";
    public string AppToken { get; init; } = "xapp-1-A0SANDBOX-1000000001-5a6e3b0c9d1f2e4a7b8c9d0e1f2a3b4c";
    public string BotToken { get; init; } = "xoxb-1000000001-1000000002-SandboxBotTokenXyZ12345";

    /// <summary>Where the workspace logs (connections, late acks, injected faults); silent when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
