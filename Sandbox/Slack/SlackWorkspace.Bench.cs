namespace SocketDeployer.Sandbox.Slack;

public sealed partial class SlackWorkspace
{
    /// <summary>
    /// Turns Slack's rate limits on or off from now on (they start as <see cref="SlackWorkspaceOptions.EnforceRateLimits"/>):
    /// the benchmark enforces them only in the phase that counts 429s, so throughput phases are not paced.
    /// </summary>
    public void EnforceRateLimits(bool enforce) => _workspace.EnforceRateLimits = enforce;

    /// <summary>Stores a message as the bot had posted it (e.g. the status message of a release the benchmark creates); returns its ts.</summary>
    public string SeedBotMessage(string channel, string text, string? threadTs = null)
    {
        _ = _workspace.Directory.Channel(channel) ?? throw new ArgumentException($"No channel {channel} in the sandbox workspace.", nameof(channel));
        var message = new StoredMessage
        {
            Channel = channel,
            Ts = _workspace.Messages.NextTs(),
            ThreadTs = threadTs,
            User = BotUserId,
            IsBot = true,
            Text = text,
        };
        _workspace.Messages.Add(message);
        return message.Ts;
    }

    /// <summary>
    /// As <see cref="PostUserMessageAsync"/> with a mention of the bot, but the <c>app_mention</c> goes to one connection:
    /// the benchmark runs two apps on one workspace and addresses each its own load. Returns the message's ts.
    /// </summary>
    public async Task<(string Ts, Delivery Delivery)> MentionOnConnectionAsync(string channel, string user, string text, int connectionIndex)
    {
        var message = new StoredMessage
        {
            Channel = channel,
            Ts = _workspace.Messages.NextTs(),
            User = user,
            Text = $"<@{BotUserId}> {text}",
        };
        _workspace.Messages.Add(message);
        var eventId = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Ev0SB{Interlocked.Increment(ref _eventCounter):D6}");
        var payload = EventPayloads.AppMention(_workspace.Options, message.ToRecord(), eventId, Guid.NewGuid().ToString("D"));
        var delivery = await _dispatcher.SendAsync("events_api", payload, connectionIndex, retryAttempt: 0);
        return (message.Ts, delivery);
    }
}
