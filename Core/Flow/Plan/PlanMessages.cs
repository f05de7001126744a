using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.Changes;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Policy.Locks;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Plan;

/// <summary>The reply to <c>plan deploy</c>, as a pure function of the plan.</summary>
public static class PlanMessages
{
    private const int MaxValueLength = 200;

    public static SlackMessage Plan(DeployPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var service = plan.Service;
        var version = SlackText.InlineCode(plan.Version);
        var verdict = plan.WouldStart
            ? $":clipboard: *Plan* — `deploy {service.Name} {SlackText.Escape(plan.Version)}` would start now. Nothing was started."
            : $":clipboard: *Plan* — `deploy {service.Name} {SlackText.Escape(plan.Version)}` would be refused now. Nothing was started.";
        var lines = new List<string>
        {
            $"Document `{service.Document}` version {SlackText.InlineCode(service.DocumentVersion)} (pinned), release {version}",
            "Parameters: " + Parameters(plan),
            $"Approvals: {DeployPolicy.NeededApprovals(service, plan.BreakGlass is not null)} of {Approvers(plan)}"
                + (plan.BreakGlass is null ? "" : $" (break-glass: {SlackText.Escape(plan.BreakGlass, 200)}; one of them from a break-glass approver)"),
            "Lock: " + Lock(plan, now),
            "Freeze: " + (plan.Freezes.Length == 0 ? "none in force" : plan.Freezes.Replace('\n', ' ')),
            "Changes: " + ChangeMessages.Live(plan.Changes),
            "Promotion: " + Promotion(plan),
            "You: " + (plan.MayDeploy.Allowed ? "may deploy it" : SlackText.Escape(plan.MayDeploy.Reason ?? "may not deploy it")),
        };
        lines.AddRange(plan.Holds);
        var body = string.Join('\n', lines.Select(l => "• " + l));
        return new SlackMessage(verdict + "\n" + body, BlockKit.Blocks(
            BlockKit.Section(verdict),
            BlockKit.Section(body),
            BlockKit.Context($"`run deploy {service.Name} {SlackText.Escape(plan.Version)}` starts it")));
    }

    private static string Parameters(DeployPlan plan) =>
        plan.Parameters.Count == 0
            ? "none"
            : string.Join(", ", plan.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{SlackText.InlineCode(p.Key)} = {SlackText.InlineCode(string.Join(',', p.Value), MaxValueLength)}"));

    private static string Approvers(DeployPlan plan) => string.Join(", ", plan.Service.Approvers.Select(id => Person(plan, id)));

    private static string Lock(DeployPlan plan, DateTimeOffset now) => (plan.Holder, plan.Running) switch
    {
        ({ IsManual: true } manual, _) => $":lock: locked by {Person(plan, manual.Requester)} for {Ago(now - manual.Since)}: {SlackText.Escape(manual.Reason ?? "")}",
        ({ } release, _) => $":lock: held by the release of {SlackText.InlineCode(release.Version ?? "?")} asked by {Person(plan, release.Requester)} {Ago(now - release.Since)} ago",
        (null, { } running) => $":lock: execution {SlackText.InlineCode(running.Execution.ExecutionId)} ({SlackText.Escape(running.Execution.Status)}) is running outside the lock",
        _ => "free",
    };

    private static string Promotion(DeployPlan plan) => (plan.Service.RequiresSuccessOn, plan.Changes.PromotedFrom, plan.Gap) switch
    {
        (null, _, _) => "no rule",
        (_, { } from, _) => ChangeMessages.Promoted(from),
        (_, _, { } gap) => ChangeMessages.NotPromoted(plan.Service, plan.Version, gap),
        _ => "no rule",
    };

    // Plain names: a plan is a question, it must not ping the people it names.
    private static string Person(DeployPlan plan, string id) =>
        SlackText.Escape(plan.Names.GetValueOrDefault(id) is { Length: > 0 } name ? name : id, 80);

    private static string Ago(TimeSpan span) => Status.StatusMessages.Duration(span);
}
