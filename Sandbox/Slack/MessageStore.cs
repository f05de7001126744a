using System.Globalization;
using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Slack;

/// <summary>A stored message; mutable only under the store's lock.</summary>
internal sealed class StoredMessage
{
    public required string Channel { get; init; }
    public required string Ts { get; init; }
    public string? ThreadTs { get; set; }
    public required string User { get; init; }
    public bool IsBot { get; init; }
    public required string Text { get; set; }
    public JsonArray? Blocks { get; set; }
    public string? EphemeralFor { get; init; }
    public int EditCount { get; set; }

    public SlackMessageRecord ToRecord() =>
        new(Channel, Ts, ThreadTs, User, IsBot, Text, Blocks?.DeepClone().AsArray(), EphemeralFor, EditCount);
}

/// <summary>Every channel's messages, in posting order, and the ts clock.</summary>
internal sealed class MessageStore(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<StoredMessage>> _channels = new(StringComparer.Ordinal);
    private long _counter;

    public ChangeSignal Changed { get; } = new();

    /// <summary>Slack's ts shape: unix seconds, a dot, six digits unique within the workspace.</summary>
    public string NextTs()
    {
        var seconds = time.GetUtcNow().ToUnixTimeSeconds();
        var counter = Interlocked.Increment(ref _counter) % 1_000_000;
        return string.Create(CultureInfo.InvariantCulture, $"{seconds}.{counter:D6}");
    }

    public void Add(StoredMessage message)
    {
        lock (_gate)
        {
            if (!_channels.TryGetValue(message.Channel, out var list))
            {
                _channels[message.Channel] = list = [];
            }

            // Slack files a reply to a reply under the thread's parent.
            if (message.ThreadTs is { } threadTs && Find(list, threadTs) is { } parent)
            {
                message.ThreadTs = parent.ThreadTs ?? parent.Ts;
                parent.ThreadTs ??= parent.Ts;
            }

            list.Add(message);
        }

        Changed.Pulse();
    }

    /// <summary>Runs <paramref name="change"/> on a message under the lock; null when there is no such message.</summary>
    public SlackMessageRecord? Update(string channel, string ts, Action<StoredMessage> change)
    {
        SlackMessageRecord record;
        lock (_gate)
        {
            if (!_channels.TryGetValue(channel, out var list) || Find(list, ts) is not { } message)
            {
                return null;
            }

            change(message);
            record = message.ToRecord();
        }

        Changed.Pulse();
        return record;
    }

    public SlackMessageRecord? Get(string channel, string ts)
    {
        lock (_gate)
        {
            return _channels.TryGetValue(channel, out var list) ? Find(list, ts)?.ToRecord() : null;
        }
    }

    public IReadOnlyList<SlackMessageRecord> InChannel(string channel)
    {
        lock (_gate)
        {
            return _channels.TryGetValue(channel, out var list) ? [.. list.Select(m => m.ToRecord())] : [];
        }
    }

    public IReadOnlyList<SlackMessageRecord> All()
    {
        lock (_gate)
        {
            return [.. _channels.Values.SelectMany(l => l).Select(m => m.ToRecord())];
        }
    }

    private static StoredMessage? Find(List<StoredMessage> list, string ts) =>
        list.Find(m => string.Equals(m.Ts, ts, StringComparison.Ordinal));
}
