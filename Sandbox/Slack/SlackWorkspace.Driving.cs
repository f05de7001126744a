using System.Globalization;
using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Slack;

public sealed partial class SlackWorkspace
{
    /// <summary>
    /// A person types <paramref name="text"/> in <paramref name="channel"/> (in a thread when <paramref name="threadTs"/>
    /// is given). When it mentions the bot, an <c>events_api</c> envelope with an <c>app_mention</c> goes out
    /// (or waits for a connection). Returns the message's ts.
    /// </summary>
    public async Task<string> PostUserMessageAsync(string channel, string user, string text, string? threadTs = null)
    {
        _ = _workspace.Directory.Channel(channel) ?? throw new ArgumentException($"No channel {channel} in the sandbox workspace.", nameof(channel));
        _ = _workspace.Directory.User(user) ?? throw new ArgumentException($"No user {user} in the sandbox workspace.", nameof(user));
        var message = new StoredMessage
        {
            Channel = channel,
            Ts = _workspace.Messages.NextTs(),
            ThreadTs = threadTs,
            User = user,
            Text = text,
        };
        _workspace.Messages.Add(message);
        if (text.Contains($"<@{BotUserId}>", StringComparison.Ordinal) || text.Contains($"<@{BotUserId}|", StringComparison.Ordinal))
        {
            var eventId = string.Create(CultureInfo.InvariantCulture, $"Ev0SB{Interlocked.Increment(ref _eventCounter):D6}");
            var payload = EventPayloads.AppMention(_workspace.Options, message.ToRecord(), eventId, Guid.NewGuid().ToString("D"));
            await _dispatcher.SendAsync("events_api", payload, connectionIndex: null, retryAttempt: 0);
        }

        return message.Ts;
    }

    /// <summary>
    /// Sends a raw envelope (hostile input, duplicates, unknown types) to one connection (by index, see
    /// <see cref="OpenConnectionIndexes"/>) or any; ack deadline and redelivery apply as usual.
    /// </summary>
    public Task<Delivery> SendEnvelopeAsync(string type, JsonObject payload, int? connectionIndex = null, int retryAttempt = 0) =>
        _dispatcher.SendAsync(type, payload, connectionIndex, retryAttempt);

    /// <summary>
    /// Writes <paramref name="frame"/> as it is (malformed JSON, a frame that is no envelope) on an open connection:
    /// nothing is tracked, redelivered or expected to be acked. Frames on one connection arrive in order.
    /// </summary>
    /// <exception cref="InvalidOperationException">The connection is not open, or the write failed.</exception>
    public async Task SendRawFrameAsync(string frame, int connectionIndex)
    {
        var connection = _connections.Get(connectionIndex);
        if (connection is not { IsOpen: true } || !await connection.SendTextAsync(frame, CancellationToken.None))
        {
            throw new InvalidOperationException($"Socket Mode connection {connectionIndex} is not open.");
        }
    }

    /// <summary>
    /// <paramref name="user"/> clicks the button <paramref name="actionId"/> on a message: an <c>interactive</c>
    /// envelope with a <c>block_actions</c> payload carrying the message's current blocks and <paramref name="value"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The message has no such button, or the user cannot see it.</exception>
    public async Task ClickButtonAsync(string user, string channel, string messageTs, string actionId, string value)
    {
        var clicker = _workspace.Directory.User(user) ?? throw new ArgumentException($"No user {user} in the sandbox workspace.", nameof(user));
        var room = _workspace.Directory.Channel(channel) ?? throw new ArgumentException($"No channel {channel} in the sandbox workspace.", nameof(channel));
        var record = _workspace.Messages.Get(channel, messageTs) ?? throw new InvalidOperationException($"No message {messageTs} in {channel}.");
        if (record.EphemeralFor is { } viewer && viewer != user)
        {
            throw new InvalidOperationException($"Message {messageTs} is only visible to {viewer}.");
        }

        var button = BlockActionsPayload.FindButton(record.Blocks, actionId)
            ?? throw new InvalidOperationException($"Message {messageTs} has no button with action_id {actionId}:\n{record}");
        var payload = BlockActionsPayload.Build(
            _workspace.Options, clicker, room, _chat.MessageJson(record), record, button, value, _workspace.Messages.NextTs(), _workspace.BaseUri);
        await _dispatcher.SendAsync("interactive", payload, connectionIndex: null, retryAttempt: 0);
    }
}
