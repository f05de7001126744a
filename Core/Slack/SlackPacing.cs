using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SocketDeployer.Core.Slack;

/// <summary>Slack's published posting pace, applied before a call instead of learned from 429s: chat.postMessage
/// about one per second per channel with short bursts; chat.update (Tier 3, 50 per minute) per workspace.</summary>
/// <remarks>
/// A channel's posts wait by <see cref="PostPriority"/>, then oldest first, so thirty refusals queued ahead of a
/// release's start reply do not delay it. Nothing bypasses the pace: a full queue sheds refusals, every other post
/// waits its turn. Retries after a 429 stay the backstop for limits Slack does not publish.
/// </remarks>
public sealed class SlackPacing : IDisposable
{
    private readonly SlackPacingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, PriorityTokenBucket> _channels = new(StringComparer.Ordinal);
    private readonly PriorityTokenBucket _updates;
    private long _shed;

    public SlackPacing()
        : this(Options.Create(new SlackPacingOptions()))
    {
    }

    public SlackPacing(IOptions<SlackPacingOptions> options, TimeProvider? timeProvider = null, ILogger<SlackPacing>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<SlackPacing>.Instance;
        _updates = new PriorityTokenBucket(_options.UpdateBurst, TimeSpan.FromMinutes(1.0 / _options.UpdatesPerMinute), int.MaxValue, _time);
    }

    /// <summary>Refusals shed since start because too many already waited in their channel.</summary>
    public long ShedRefusals => Interlocked.Read(ref _shed);

    /// <summary>Posts waiting for a slot in <paramref name="channel"/>.</summary>
    public int Waiting(string channel) => _channels.TryGetValue(channel, out var bucket) ? bucket.Waiting : 0;

    /// <summary>Waits for a chat.postMessage slot in <paramref name="channel"/>, behind every post of a higher
    /// priority and every older one of the same.</summary>
    /// <returns>False when the post is a refusal and <see cref="SlackPacingOptions.RefusalsQueuedPerChannel"/>
    /// refusals already wait: the caller drops it.</returns>
    public async ValueTask<bool> PostAsync(string channel, PostPriority priority, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return true;
        }

        var bucket = _channels.GetOrAdd(channel, _ => new PriorityTokenBucket(
            _options.PostBurst, TimeSpan.FromSeconds(1.0 / _options.PostsPerSecond), _options.RefusalsQueuedPerChannel, _time));
        if (await bucket.AcquireAsync(priority, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        SlackPacingLog.RefusalShed(_logger, channel, Interlocked.Increment(ref _shed));
        return false;
    }

    /// <summary>Waits for a chat.update slot.</summary>
    public async ValueTask UpdateAsync(CancellationToken cancellationToken)
    {
        if (_options.Enabled)
        {
            await _updates.AcquireAsync(PostPriority.Release, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        foreach (var bucket in _channels.Values)
        {
            bucket.Dispose();
        }

        _updates.Dispose();
    }
}
