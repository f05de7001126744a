using SocketDeployer.Core.Audit;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Tests.Simulation;

/// <summary>One instance's Slack Web API client: posts land in the shared threads, each one step.</summary>
internal sealed class SimSlack(SimScheduler scheduler, SimCloud cloud, SimInstance owner) : ISlackApi
{
    public Task<string> PostMessageAsync(string channel, string? threadTs, SlackMessage message, PostPriority priority, CancellationToken cancellationToken) =>
        scheduler.Call(owner, $"slack.Post({threadTs}: {Short(message.Text)})", () => cloud.Post(channel, threadTs, message.Text));

    public Task PostEphemeralAsync(string channel, string user, string? threadTs, SlackMessage message, CancellationToken cancellationToken) =>
        scheduler.Call(owner, $"slack.Ephemeral({threadTs}: {Short(message.Text)})", () => cloud.Post(channel, threadTs, message.Text));

    public Task<string> GetUserNameAsync(string userId, CancellationToken cancellationToken) =>
        scheduler.Call(owner, $"slack.UserName({userId})", () => userId.ToLowerInvariant());

    public Task<IReadOnlyList<string>> GetUserGroupMembersAsync(string userGroupId, CancellationToken cancellationToken) =>
        scheduler.Call<IReadOnlyList<string>>(owner, $"slack.GroupMembers({userGroupId})", () => []);

    // Connections, identity and edits belong to other parts of the daemon: a call here is a finding.
    public Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the release protocol opened a Socket Mode connection");

    public Task<SlackIdentity> AuthTestAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the release protocol called auth.test");

    public Task UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the release protocol edited a message");

    public Task<string> GetUserGroupHandleAsync(string userGroupId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the release protocol read a user group handle");

    public Task<string?> LookupUserIdByEmailAsync(string email, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the release protocol looked a user up by email");

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

/// <summary>One instance's audit log: appending is an await point too (a crash may fall between it and the reply).</summary>
internal sealed class SimAudit(SimScheduler scheduler, SimInstance owner) : IAuditLog
{
    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        scheduler.Call(owner, $"audit({entry.Outcome} {entry.Reason})", () => true);
}
