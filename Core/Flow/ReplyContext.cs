using SocketDeployer.Core.Audit;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow;

/// <summary>Where and to whom a command's answers go; audit first, then the reply.</summary>
public sealed class ReplyContext(ISlackApi slack, IAuditLog audit, MentionEvent mention, string command)
{
    public MentionEvent Mention { get; } = mention;

    public string User => Mention.User ?? "";

    public string Command { get; } = command;

    public Task AuditAsync(string outcome, CancellationToken ct, string? service = null, string? version = null, string? executionId = null, string? reason = null) =>
        audit.AppendAsync(new AuditEntry("request", outcome, User, Mention.Channel, Command, service, version, executionId, reason), ct);

    /// <summary>A reply in the request's thread, visible to everyone.</summary>
    public Task<string> ThreadAsync(SlackMessage message, CancellationToken ct) =>
        slack.PostMessageAsync(Mention.Channel, Mention.ReplyThread, message, ct);

    /// <summary>A refusal that concerns only the requester.</summary>
    public Task EphemeralAsync(SlackMessage message, CancellationToken ct) =>
        slack.PostEphemeralAsync(Mention.Channel, User, Mention.ReplyThread, message, ct);
}
