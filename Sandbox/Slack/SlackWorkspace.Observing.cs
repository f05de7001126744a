using System.Text;

namespace SocketDeployer.Sandbox.Slack;

public sealed partial class SlackWorkspace
{
    /// <summary>Every Web API call so far, in arrival order.</summary>
    public IReadOnlyList<SlackApiCall> Calls => _webApi.Calls;

    /// <summary>Every delivered envelope attempt and its ack, in delivery order.</summary>
    public IReadOnlyList<AckRecord> Acks => _dispatcher.Acks;

    /// <summary>Socket Mode connections open now.</summary>
    public int OpenConnections => _connections.OpenCount;

    /// <summary>Indexes of the open connections; an index is the connection's position among all ever accepted (0, 1, …).</summary>
    public IReadOnlyList<int> OpenConnectionIndexes => [.. _connections.Open.Select(c => c.Index)];

    /// <summary>A channel's messages (ephemerals included), in posting order, as they stand now.</summary>
    public IReadOnlyList<SlackMessageRecord> Messages(string channel) => _workspace.Messages.InChannel(channel);

    /// <summary>A thread: its parent, the replies and the ephemerals posted in it.</summary>
    public IReadOnlyList<SlackMessageRecord> Thread(string channel, string threadTs) =>
        [.. Messages(channel).Where(m => m.Ts == threadTs || m.ThreadTs == threadTs)];

    /// <summary>
    /// The first message (already there, or posted or updated later) matching <paramref name="predicate"/>.
    /// </summary>
    /// <exception cref="TimeoutException">None matched in time; the message says what every channel holds.</exception>
    public async Task<SlackMessageRecord> WaitForMessageAsync(Func<SlackMessageRecord, bool> predicate, TimeSpan timeout)
    {
        SlackMessageRecord? found = null;
        var matched = await _workspace.Messages.Changed.WaitUntilAsync(
            () => (found = _workspace.Messages.All().FirstOrDefault(predicate)) is not null, timeout, TimeProvider.System);
        return matched ? found! : throw new TimeoutException($"No matching Slack message within {timeout}.\n{Dump()}");
    }

    /// <summary>Waits until exactly <paramref name="count"/> Socket Mode connections are open.</summary>
    public async Task WaitForConnectionsAsync(int count, TimeSpan timeout)
    {
        if (!await _connections.Changed.WaitUntilAsync(() => OpenConnections == count, timeout, TimeProvider.System))
        {
            throw new TimeoutException($"Expected {count} open Socket Mode connections within {timeout}; {OpenConnections} are open.");
        }
    }

    /// <summary>Waits until <paramref name="predicate"/> holds for the ack records (e.g. an envelope got acked or went late).</summary>
    public async Task WaitForAcksAsync(Func<IReadOnlyList<AckRecord>, bool> predicate, TimeSpan timeout)
    {
        if (!await _dispatcher.AcksChanged.WaitUntilAsync(() => predicate(Acks), timeout, TimeProvider.System))
        {
            throw new TimeoutException($"Ack condition not met within {timeout}:\n{string.Join('\n', Acks)}");
        }
    }

    /// <summary>Waits for a Web API call matching <paramref name="predicate"/> (already made or made later).</summary>
    public async Task<SlackApiCall> WaitForCallAsync(Func<SlackApiCall, bool> predicate, TimeSpan timeout)
    {
        SlackApiCall? found = null;
        var matched = await _webApi.CallsChanged.WaitUntilAsync(() => (found = Calls.FirstOrDefault(predicate)) is not null, timeout, TimeProvider.System);
        return matched ? found! : throw new TimeoutException($"No matching Slack API call within {timeout}:\n{string.Join('\n', Calls)}");
    }

    /// <summary>
    /// The thread as a person reads it: <c>name: text</c> per message, block lines indented below,
    /// mentions as @name, buttons as [Label], ephemerals marked "(only visible to @x)".
    /// </summary>
    public string RenderThread(string channel, string threadTs) =>
        new ThreadRenderer(_workspace.Directory).Render(Thread(channel, threadTs));

    private string Dump()
    {
        var dump = new StringBuilder();
        foreach (var channel in _workspace.Directory.Channels())
        {
            dump.Append('#').Append(channel.Name).Append(" (").Append(channel.Id).Append(")\n");
            foreach (var message in Messages(channel.Id))
            {
                dump.Append("  ").Append(message).Append('\n');
            }
        }

        return dump.ToString();
    }
}
