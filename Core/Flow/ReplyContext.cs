using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocketDeployer.Core.Audit;
using SocketDeployer.Core.Flow.Refusals;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow;

/// <summary>Where and to whom a command's answers go; audit first, then the reply.</summary>
/// <remarks>
/// The audited outcome decides the reply's posting class (<see cref="ReplyClass"/>): a started release's reply
/// goes before answers, answers before refusals. Refusals also pass the per-person <see cref="RefusalThrottle"/>,
/// and one shed by a full channel queue is dropped; either way the audit line and the log already record it.
/// </remarks>
public sealed class ReplyContext(
    ISlackApi slack,
    IAuditLog audit,
    MentionEvent mention,
    string command,
    RefusalThrottle? throttle = null,
    string helpCommand = "help",
    ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private PostPriority _class = PostPriority.Answer;

    public MentionEvent Mention { get; } = mention;

    public string User => Mention.User ?? "";

    public string Command { get; } = command;

    /// <summary>The posting class of the next reply, from the last audited outcome (an answer before any).</summary>
    public PostPriority Class => _class;

    public Task AuditAsync(string outcome, CancellationToken ct, string? service = null, string? version = null, string? executionId = null, string? reason = null)
    {
        _class = ReplyClass.Of(outcome, reason);
        return audit.AppendAsync(new AuditEntry("request", outcome, User, Mention.Channel, Command, service, version, executionId, reason), ct);
    }

    /// <summary>A reply in the request's thread, visible to everyone; its ts, or empty when a refusal was not posted.</summary>
    public async Task<string> ThreadAsync(SlackMessage message, CancellationToken ct)
    {
        if (Throttled(message) is not { } posted)
        {
            return "";
        }

        try
        {
            return await slack.PostMessageAsync(Mention.Channel, Mention.ReplyThread, posted, _class, ct);
        }
        catch (PostShedException) when (_class == PostPriority.Refusal)
        {
            RefusalLog.NotPosted(_logger, Command, User, Mention.Channel, "too many refusals wait for the channel");
            return "";
        }
    }

    /// <summary>A refusal that concerns only the requester (chat.postEphemeral, which Slack does not pace per channel).</summary>
    public async Task EphemeralAsync(SlackMessage message, CancellationToken ct)
    {
        if (Throttled(message) is { } posted)
        {
            await slack.PostEphemeralAsync(Mention.Channel, User, Mention.ReplyThread, posted, ct);
        }
    }

    /// <summary>The message to post: the reply itself, the one "slow down" in its place, or none.</summary>
    private SlackMessage? Throttled(SlackMessage message)
    {
        if (_class != PostPriority.Refusal || throttle is null)
        {
            return message;
        }

        switch (throttle.Next(User))
        {
            case RefusalVerdict.SlowDown:
                RefusalLog.SlowDown(_logger, User, Mention.Channel, throttle.PerPerson, throttle.Window, throttle.Silence);
                return RefusalMessages.SlowDown(User, throttle.Silence, helpCommand);
            case RefusalVerdict.Silent:
                RefusalLog.NotPosted(_logger, Command, User, Mention.Channel, "the requester was told to slow down");
                return null;
            default:
                return message;
        }
    }
}
