using System.ComponentModel.DataAnnotations;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Slack;

/// <summary><c>Slack:SocketMode</c>: Socket Mode tunables; the defaults suit production, tests shorten them.</summary>
public sealed class SocketModeOptions
{
    public const string Section = "Slack:SocketMode";

    /// <summary>How long a new websocket may take to say <c>hello</c>.</summary>
    [DurationRange("00:00:00.010", "00:05:00")]
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a websocket ping is sent.</summary>
    [DurationRange("00:00:00.010", "00:10:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a pong may take before the peer is declared dead and the socket aborted.</summary>
    [DurationRange("00:00:00.010", "00:10:00")]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First reconnect delay; doubles per consecutive failure, with jitter.</summary>
    [DurationRange("00:00:00", "00:10:00")]
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest reconnect delay.</summary>
    [DurationRange("00:00:00", "01:00:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Delay between attempts while Slack refuses permanently (link_disabled, bad token).</summary>
    [DurationRange("00:00:00", "01:00:00")]
    public TimeSpan SlowRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a polite close may wait for the peer's close frame.</summary>
    [DurationRange("00:00:00", "00:01:00")]
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long on shutdown running handlers may go on before they are cancelled: a stop lets a request
    /// being handled finish instead of cutting it in half.</summary>
    [DurationRange("00:00:00", "00:05:00")]
    public TimeSpan HandlerDrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an envelope_id or event_id is remembered for deduplication.</summary>
    [DurationRange("00:00:01", "1.00:00:00")]
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Most ids remembered for deduplication; the oldest are forgotten first.</summary>
    [Range(1, 10_000_000)]
    public int DeduplicationCapacity { get; set; } = 10_000;

    /// <summary>Largest accepted message; a bigger one closes the socket.</summary>
    [Range(64 * 1024, 256 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Envelopes handled at once. Handlers mostly wait on Slack and AWS; the bound keeps a flood from
    /// becoming thousands of tasks, and refusals are shed or throttled so they cannot hold the workers long.</summary>
    [Range(1, 256)]
    public int HandlerWorkers { get; set; } = 32;

    /// <summary>Acked envelopes that may wait for a worker; one more is logged and counted, not handled.</summary>
    [Range(1, 100_000)]
    public int HandlerQueueCapacity { get; set; } = 1000;
}
