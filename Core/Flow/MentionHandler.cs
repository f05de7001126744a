using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Audit;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.Cancel;
using SocketDeployer.Core.Flow.History;
using SocketDeployer.Core.Flow.Refusals;
using SocketDeployer.Core.Flow.Status;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Policy.Freezes;
using SocketDeployer.Core.Policy.Locks;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow;

/// <summary>Routes an app_mention to its command: ignore rules, channel check, parsing, then help / deploy / status / cancel / lock / unlock.</summary>
public sealed class MentionHandler(
    ISlackApi slack,
    IAuditLog audit,
    BotIdentity bot,
    DeployPolicy policy,
    ServiceCatalog catalog,
    PeopleDirectory people,
    DeployRequest deploy,
    StatusRequest status,
    CancelRequest cancel,
    ManualLockRequest locks,
    FreezeCalendar freezes,
    ReleaseCommands releaseCommands,
    IOptions<SlackPacingOptions> pacing,
    TimeProvider time,
    ILogger<MentionHandler> logger)
{
    // One per daemon (the handler is a singleton): a person's refusals are counted across all their mentions.
    private readonly RefusalThrottle throttle = new(pacing.Value, time);

    public async Task HandleAsync(MentionEvent mention, CancellationToken ct)
    {
        var me = await bot.GetAsync(ct);
        if (Ignore(mention, me.UserId, me.TeamId) is { } why)
        {
            DeployFlowLog.Ignored(logger, mention.EventId, mention.Channel, why);
            return;
        }

        var parsed = CommandParser.Parse(mention.Text, me.UserId);
        var reply = new ReplyContext(slack, audit, mention, Describe(parsed, mention.Text), throttle, $"@{me.User} help", logger);
        if (!policy.IsAllowedChannel(mention.Channel))
        {
            DeployFlowLog.Refused(logger, reply.Command, reply.User, mention.Channel, "channel not allowed");
            await reply.AuditAsync("refused", ct, reason: "channel not allowed");
            await reply.EphemeralAsync(DeployMessages.WrongChannel(), ct);
            return;
        }

        var usage = UsageText.Build($"@{me.User}");
        switch (parsed)
        {
            case CommandError error:
                DeployFlowLog.Refused(logger, reply.Command, reply.User, mention.Channel, "bad command");
                await reply.AuditAsync("refused", ct, reason: "bad command");
                await reply.ThreadAsync(DeployMessages.CommandError(error.Reason, usage), ct);
                break;
            case HelpCommand:
                await reply.AuditAsync("answered", ct);
                await reply.ThreadAsync(await HelpAsync(me, ct), ct);
                break;
            case DeployCommand command:
                await deploy.HandleAsync(reply, command, usage, ct);
                break;
            case StatusCommand command:
                await status.HandleAsync(reply, command, usage, ct);
                break;
            case CancelCommand command:
                await cancel.HandleAsync(reply, command, usage, ct);
                break;
            case LockCommand command:
                await locks.LockAsync(reply, command, usage, ct);
                break;
            case UnlockCommand command:
                await locks.UnlockAsync(reply, command, usage, ct);
                break;
            case HistoryCommand or RollbackCommand or PlanCommand:
                await releaseCommands.HandleAsync(reply, parsed, usage, ct);
                break;
            default:
                await reply.AuditAsync("refused", ct, reason: "not available yet");
                await reply.ThreadAsync(DeployMessages.CommandError("That command is not available yet.", usage), ct);
                break;
        }
    }

    // Another workspace's event is refused like another workspace's click: its user ids mean nothing to the catalog.
    private static string? Ignore(MentionEvent mention, string botUserId, string teamId) =>
        mention.TeamId != teamId ? "another workspace"
        : mention.FromBot || mention.User == botUserId ? "from a bot"
        : mention.IsEdit ? "an edit"
        : mention.User is null ? "no user"
        : mention.Channel.StartsWith('D') ? "a direct message"
        : null;

    private static string Describe(ParsedCommand parsed, string raw) => parsed switch
    {
        DeployCommand d => d.BreakGlass is null ? $"deploy {d.Service} {d.Version}" : $"deploy {d.Service} {d.Version} --break-glass {d.BreakGlass}",
        HelpCommand => "help",
        StatusCommand s => s.Target is null ? "status" : $"status {s.Target}",
        CancelCommand c => $"cancel {c.ExecutionId}",
        LockCommand l => $"lock {l.Service} {l.Reason}",
        UnlockCommand u => $"unlock {u.Service}",
        HistoryCommand or RollbackCommand or PlanCommand => ReleaseCommands.Describe(parsed),
        _ => raw.Length <= 200 ? raw : raw[..200],
    };

    private async Task<SlackMessage> HelpAsync(SlackIdentity me, CancellationToken ct)
    {
        var ids = catalog.Services.SelectMany(s => s.Deployers.Concat(s.Approvers));
        var names = await people.NamesAsync(ids, ct);
        var text = HelpText.Build(catalog.Services, id => names.GetValueOrDefault(id, id), $"@{me.User}", FreezeMessages.Help(freezes, catalog.BreakGlassApprovers.Count > 0));
        return DeployMessages.Plain(text);
    }
}
