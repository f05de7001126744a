using System.Globalization;
using System.Text.Json.Nodes;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.Changes;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Policy.Freezes;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Approval;

/// <summary>The approval prompt and what replaces it, as pure functions.</summary>
public static class ApprovalMessages
{
    public const string ApproveAction = "socketdeployer.approve";
    public const string RejectAction = "socketdeployer.reject";

    public static string ButtonValue(string executionId, string stepName) => $"{executionId}/{stepName}";

    /// <param name="breakGlassApprovers">Deploy:BreakGlassApprovers: named in the prompt of a break-glass release.</param>
    /// <param name="hold">Why approving must wait (a gate of a locked or frozen service); null when it need not.</param>
    public static SlackMessage Prompt(
        ReleaseInfo release, ServiceDefinition service, string stepName, string? message, IReadOnlyCollection<string> approvals, Uri console,
        IReadOnlyList<string>? breakGlassApprovers = null, string? hold = null)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(service);
        var header = Header(release);
        var needed = DeployPolicy.NeededApprovals(service, release.BreakGlass is not null);
        var breakGlass = release.BreakGlass is { } reason ? "\n" + FreezeMessages.BreakGlassPrompt(reason, breakGlassApprovers ?? []) : "";
        var waiting = hold is null ? "" : $"\n:hourglass_flowing_sand: {hold}";
        var value = ButtonValue(release.ExecutionId, stepName);
        var progress = approvals.Count == 0 ? "" : $" · {Quorum(approvals, needed)}";
        var blocks = BlockKit.Blocks(
            BlockKit.Section(header + Quote(message) + breakGlass + waiting),
            Changes(release, service),
            BlockKit.Context($"Approvers: {Approvers(service)} · {needed} needed{progress} · <{console}|Open in the AWS console>"),
            new JsonObject
            {
                ["type"] = "actions",
                ["block_id"] = "socketdeployer.approval",
                ["elements"] = new JsonArray(
                    Button("Approve", ApproveAction, value, "primary", Confirm(release)),
                    Button("Reject", RejectAction, value, "danger", null)),
            });
        return new SlackMessage($"{header}{(release.BreakGlass is null ? "" : " (break-glass)")} — approvers: {Approvers(service)}", blocks);
    }

    /// <param name="service">When given, what the release changed stays on the decided prompt: the record of what was approved.</param>
    public static SlackMessage Decided(ReleaseInfo release, string? message, string outcome, ServiceDefinition? service = null)
    {
        var header = Header(release);
        return new SlackMessage($"{header}\n{outcome}", BlockKit.Blocks(
            BlockKit.Section(header + Quote(message)), service is null ? null : Changes(release, service), BlockKit.Section(outcome)));
    }

    // What is live and what changes: the approver decides from the prompt alone (a pipeline's gate has no such tags).
    private static JsonObject? Changes(ReleaseInfo release, ServiceDefinition service) =>
        ReleaseChanges.FromTags(service, release.Version, release.Tags) is { } known ? BlockKit.Context(ChangeMessages.Details(known)) : null;

    public static string Approved(IReadOnlyCollection<string> approvers, DateTimeOffset at) =>
        $":white_check_mark: Approved by {Mentions(approvers)} at {Time(at)}";

    public static string Rejected(string user, DateTimeOffset at) => $":no_entry_sign: Rejected by <@{user}> at {Time(at)}";

    public static string EndedOutsideSlack(string stepStatus) => stepStatus switch
    {
        "Success" or "Approved" => ":information_source: Approved outside Slack (in the AWS console or by another approver of the document)",
        "TimedOut" => ":alarm_clock: The approval step timed out without a decision",
        "Cancelled" => ":octagonal_sign: The release was cancelled before a decision",
        _ => $":information_source: The approval step ended ({SlackText.Escape(stepStatus)}) without a decision in Slack",
    };

    public static string Quorum(IReadOnlyCollection<string> approvals, int required) =>
        $"{approvals.Count} of {required} approvals: {Mentions(approvals)}";

    private static string Header(ReleaseInfo release) =>
        release.Tags.GetValueOrDefault(ChangeTags.Kind) == ChangeTags.RollbackKind
            ? $":raised_hand: Approval needed to roll back *{release.Service}* {ChangeMessages.FromTo(new ReleaseChanges(release.Version, release.Tags.GetValueOrDefault(ChangeTags.Live), null, true, null))}, requested by {release.RequesterMention}"
            : $":raised_hand: Approval needed to deploy *{release.Service}* `{SlackText.Escape(release.Version)}`, requested by {release.RequesterMention}";

    private static string Quote(string? message) =>
        string.IsNullOrWhiteSpace(message) ? "" : $"\n> {SlackText.Escape(message, 1000)}";

    private static string Approvers(ServiceDefinition service) =>
        string.Join(", ", service.Approvers.Select(id => id.StartsWith('S') ? $"<!subteam^{id}>" : $"<@{id}>"));

    private static string Mentions(IEnumerable<string> users) => string.Join(", ", users.Select(u => $"<@{u}>"));

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static JsonObject Confirm(ReleaseInfo release) => new()
    {
        ["title"] = BlockKit.PlainText("Approve this release?"),
        ["text"] = BlockKit.PlainText(release.BreakGlass is null
            ? $"Deploy {release.Service} {BlockKit.Truncate(release.Version, 60)} to production?"
            : $"Break glass: deploy {release.Service} {BlockKit.Truncate(release.Version, 60)} to production during a freeze?"),
        ["confirm"] = BlockKit.PlainText("Approve"),
        ["deny"] = BlockKit.PlainText("Not yet"),
        ["style"] = "primary",
    };

    private static JsonObject Button(string label, string actionId, string value, string style, JsonObject? confirm)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = actionId,
            ["text"] = BlockKit.PlainText(label),
            ["value"] = value,
            ["style"] = style,
        };
        if (confirm is not null)
        {
            button["confirm"] = confirm;
        }

        return button;
    }
}
