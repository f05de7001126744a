using Microsoft.Extensions.Logging;

namespace SocketDeployer.Sandbox.Slack;

/// <summary>What the workspace's parts share: identity, clock, directory, messages, faults.</summary>
internal sealed class WorkspaceContext(SlackWorkspaceOptions options, ILogger logger)
{
    public SlackWorkspaceOptions Options { get; } = options;
    public TimeProvider Time { get; } = options.TimeProvider;
    public ILogger Logger { get; } = logger;
    public SlackDirectory Directory { get; } = new();
    public MessageStore Messages { get; } = new(options.TimeProvider);
    public FaultPlan Faults { get; } = new();
    public RateLimiter RateLimiter { get; } = new(options.TimeProvider);
    public TicketBook Tickets { get; } = new();

    /// <summary>Whether rate limits apply now; the benchmark toggles it between phases.</summary>
    public bool EnforceRateLimits { get; set; } = options.EnforceRateLimits;

    /// <summary>http://127.0.0.1:port/ once Kestrel listens.</summary>
    public Uri BaseUri { get; set; } = new("http://127.0.0.1/");

    public long UnixNow => Time.GetUtcNow().ToUnixTimeSeconds();
}
