using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.Changes;
using SocketDeployer.Core.Flow.Status;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Policy.Freezes;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Plan;

/// <summary>
/// <c>plan deploy &lt;service&gt; &lt;version&gt;</c>: the checks and inputs of <see cref="DeployRequest"/>, read the
/// same way (policy, promotion, lock, parameters), answered instead of acted on. It takes no lock and starts nothing.
/// </summary>
public sealed class PlanRequest(
    ISlackApi slack,
    ServiceCatalog catalog,
    DeployPolicy policy,
    PeopleDirectory people,
    DeployLock deployLock,
    FreezeCalendar freezes,
    ChangeReader changes,
    TimeProvider time,
    ILogger<PlanRequest> logger)
{
    public async Task HandleAsync(ReplyContext reply, PlanCommand command, string usage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(command);
        if (!catalog.ByName.TryGetValue(command.Service, out var service))
        {
            await RefuseAsync(reply, "unknown service", DeployMessages.UnknownService(command.Service, [.. catalog.ByName.Keys], usage), ct);
            return;
        }

        if (!VersionCheck.IsMatch(service, command.Version))
        {
            await RefuseAsync(reply, "version format", DeployMessages.VersionMismatch(service, command.Version, usage), ct, service.Name);
            return;
        }

        DeployPlan plan;
        try
        {
            plan = await PlanAsync(reply, service, command.Version, ct);
            var freeze = FreezeDecision.Of(freezes, service.Name, command.BreakGlass, catalog.BreakGlassApprovers.Count > 0);
            plan = plan with
            {
                Holds = freeze.Refusal is { } refusal ? [refusal.Text] : [],
                Freezes = FreezeMessages.Summary(freezes, service.Name),
                BreakGlass = freeze.BreakGlass,
            };
        }
        catch (AwsException e)
        {
            StatusFlowLog.Failed(logger, e, reply.Command, reply.User, e.Code);
            await reply.AuditAsync("failed", ct, service.Name, command.Version, reason: e.Code);
            await reply.ThreadAsync(StatusMessages.Unavailable(e.Code.Length > 0 ? e.Code : e.Message), ct);
            return;
        }

        await reply.AuditAsync("answered", ct, service.Name, command.Version, reason: plan.WouldStart ? "would start" : "would be refused");
        StatusFlowLog.Answered(logger, reply.Command, reply.User);
        await reply.ThreadAsync(PlanMessages.Plan(plan, time.GetUtcNow()), ct);
    }

    private async Task<DeployPlan> PlanAsync(ReplyContext reply, ServiceDefinition service, string version, CancellationToken ct)
    {
        var mayDeploy = await policy.MayDeployAsync(service, reply.User, ct);
        var check = await changes.CheckAsync(service, version, isRollback: false, ct);
        var holder = await deployLock.HolderAsync(service.Name, ct);
        var running = holder is null ? await deployLock.FindRunningAsync(service, ct) : null;
        var parameters = await ParameterTemplate.FillForAsync(slack, service, version, reply.User, reply.Mention.Channel, ct);
        var names = await people.NamesAsync(holder is null ? service.Approvers : [.. service.Approvers, holder.Requester], ct);
        return new DeployPlan(service, version, reply.User, mayDeploy, check.Changes, check.Gap, holder, running, parameters, names);
    }

    private async Task RefuseAsync(ReplyContext reply, string reason, SlackMessage message, CancellationToken ct, string? service = null)
    {
        DeployFlowLog.Refused(logger, reply.Command, reply.User, reply.Mention.Channel, reason);
        await reply.AuditAsync("refused", ct, service, reason: reason);
        await reply.ThreadAsync(message, ct);
    }
}
