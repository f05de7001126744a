namespace SocketDeployer.Sandbox.Slack;

public sealed partial class SlackWorkspace
{
    /// <summary>Pulses after any message is posted or edited; the Sandbox web page re-renders on it.</summary>
    internal ChangeSignal MessagesChanged => _workspace.Messages.Changed;

    /// <summary>Pulses after every Web API call is recorded.</summary>
    internal ChangeSignal CallsChanged => _webApi.CallsChanged;

    /// <summary>The bot user's name (deploybot), as mentions of it read.</summary>
    public string BotUserName => _workspace.Options.BotUserName;

    /// <summary>The workspace's people (bot excluded), as (id, name) in id order.</summary>
    public IReadOnlyList<(string Id, string Name)> People =>
        [.. _workspace.Directory.Users().Where(u => !u.IsBot).Select(u => (u.Id, u.Name))];

    /// <summary>The user groups as (id, handle, members).</summary>
    public IReadOnlyList<(string Id, string Handle, IReadOnlyList<string> Members)> UserGroups =>
        [.. _workspace.Directory.Groups().Select(g => (g.Id, g.Handle, g.Members))];

    /// <summary>The channels as (id, name).</summary>
    public IReadOnlyList<(string Id, string Name)> Channels =>
        [.. _workspace.Directory.Channels().Select(c => (c.Id, c.Name))];

    /// <summary>Whether the workspace knows a user or a user group by this id.</summary>
    public bool Knows(string id) => _workspace.Directory.User(id) is not null || _workspace.Directory.Group(id) is not null;

    /// <summary>
    /// What a button on a message carries, for a click made through a page: its value, from the message as it stands,
    /// so the page cannot click what the message does not show. Null when there is no such button.
    /// </summary>
    public string? ButtonValue(string channel, string messageTs, string actionId) =>
        _workspace.Messages.Get(channel, messageTs) is { } record && BlockActionsPayload.FindButton(record.Blocks, actionId) is { } button
            ? button.Button["value"]?.ToString() ?? ""
            : null;
}
