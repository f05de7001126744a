using System.ComponentModel.DataAnnotations;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Daemon.Queue;

/// <summary>The <c>Queue</c> configuration section: how the daemon consumes its SQS queue.</summary>
public sealed class QueueOptions
{
    public const string Section = "Queue";

    /// <summary>Messages handled at once.</summary>
    [Range(1, 32)]
    public int Concurrency { get; set; } = 4;

    /// <summary>How long a received message stays hidden from other receivers; extended every half of it while held.</summary>
    [DurationRange("00:00:10", "12:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>ReceiveMessage long-poll wait (SQS allows 0–20 s).</summary>
    [Range(0, 20)]
    public int WaitTimeSeconds { get; set; } = 20;

    /// <summary>Messages asked for per ReceiveMessage (SQS allows 1–10).</summary>
    [Range(1, 10)]
    public int MaxMessages { get; set; } = 10;

    /// <summary>Received messages waiting for a free handler; the receiver stops receiving while it is full.</summary>
    [Range(1, 1000)]
    public int ChannelCapacity { get; set; } = 20;

    /// <summary>The visibility timeout in the whole seconds SQS takes.</summary>
    internal int VisibilitySeconds => (int)Math.Ceiling(VisibilityTimeout.TotalSeconds);
}
