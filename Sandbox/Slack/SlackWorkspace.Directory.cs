namespace SocketDeployer.Sandbox.Slack;

public sealed partial class SlackWorkspace
{
    /// <summary>Adds (or replaces) a user; <paramref name="name"/> is both the handle and the display name, and a
    /// person's email is <paramref name="email"/> or <c>name@example.com</c> (users.lookupByEmail finds them by it).</summary>
    public void AddUser(string id, string name, bool isBot = false, string? email = null) =>
        _workspace.Directory.AddUser(new SandboxUser(id, name, isBot, isBot ? email : email ?? $"{name}@example.com"));

    /// <summary>Adds (or replaces) a user group (S…) with its handle (without '@') and members.</summary>
    public void AddUserGroup(string id, string handle, params string[] members) =>
        _workspace.Directory.AddGroup(new SandboxUserGroup(id, handle, [.. members], _workspace.Time.GetUtcNow()));

    /// <summary>Replaces a user group's members, as an admin editing it in Slack would.</summary>
    public void SetUserGroupMembers(string id, params string[] members) =>
        _workspace.Directory.SetGroupMembers(id, [.. members]);

    /// <summary>Adds (or replaces) a channel; the bot can post only where it is a member (else <c>not_in_channel</c>).</summary>
    public void AddChannel(string id, string name, bool botIsMember = true) =>
        _workspace.Directory.AddChannel(new SandboxChannel(id, name, botIsMember));
}
