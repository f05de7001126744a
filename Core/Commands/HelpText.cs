using System.Globalization;
using System.Text;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Commands;

/// <summary>The answer to <c>help</c>: every service, its format, and who may deploy and approve it.</summary>
public static class HelpText
{
    private const int MaxDescriptionLength = 200;
    private const int MaxNameLength = 80;

    /// <summary>How a job outside Slack waits on a decision here (docs/gate.md), so approvers know what such a prompt is.</summary>
    internal const string Pipelines =
        "*Pipelines*\n"
        + "    a job outside Slack asks for approval with `socketdeployer gate &lt;service&gt; --summary …` (or `infra/socketdeployer-gate.sh`): "
        + "it is announced here with Approve/Reject buttons, its `--requested-by` (a Slack ID or email) cannot approve it, "
        + "and the job exits 0 approved, 1 rejected, 3 timed out or cancelled. A deploy started outside Slack (console, CLI) "
        + "is announced and gated the same way. See docs/gate.md.\n";

    /// <summary>
    /// Builds the help in mrkdwn. People and groups appear by name through <paramref name="nameOf"/> and escaped, never
    /// as <c>&lt;@U…&gt;</c> or <c>&lt;!subteam^…&gt;</c>: asking for help must not ping the approvers.
    /// </summary>
    /// <param name="nameOf">User or user-group id → display name such as <c>@bob</c> or <c>@prod-approvers</c>; the id is shown when it answers null or empty.</param>
    /// <param name="botMention">How users address the bot, as display text (<c>@deploybot</c>).</param>
    /// <param name="freezes">The freezes in force, the next one and how to break glass (<see cref="Policy.Freezes.FreezeMessages.Help"/>);
    /// empty when none is configured.</param>
    public static string Build(IReadOnlyList<ServiceDefinition> services, Func<string, string?> nameOf, string botMention, string freezes = "")
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(nameOf);
        ArgumentNullException.ThrowIfNull(botMention);

        var text = new StringBuilder(256 * (services.Count + 1));
        text.Append(services.Count == 0 ? "No services are configured.\n" : "*Services*\n");
        foreach (var service in services)
            AppendService(text, service, nameOf);
        if (!string.IsNullOrEmpty(freezes))
        {
            text.Append("*Freezes*\n").Append(freezes).Append('\n');
        }

        text.Append(CommandHelp.Build(services, botMention));
        text.Append(Pipelines);
        text.Append(UsageText.Build(botMention));
        return text.ToString();
    }

    private static void AppendService(StringBuilder text, ServiceDefinition service, Func<string, string?> nameOf)
    {
        text.Append("• ").Append(SlackText.InlineCode(service.Name))
            .Append(" — ").Append(SlackText.Escape(service.Description, MaxDescriptionLength)).Append('\n');
        text.Append("    version format ").Append(SlackText.InlineCode(service.VersionPatternText, MaxDescriptionLength))
            .Append(", e.g. ").Append(SlackText.InlineCode(service.Example)).Append('\n');
        text.Append("    deployers: ");
        AppendPeople(text, service.Deployers, nameOf);
        text.Append(" · approvers: ");
        AppendPeople(text, service.Approvers, nameOf);
        text.Append(CultureInfo.InvariantCulture,
            $" · {service.RequiredApprovals} approval{(service.RequiredApprovals == 1 ? "" : "s")} needed\n");
    }

    private static void AppendPeople(StringBuilder text, IReadOnlyList<string> ids, Func<string, string?> nameOf)
    {
        if (ids.Count == 0)
        {
            text.Append("none listed");
            return;
        }

        for (int i = 0; i < ids.Count; i++)
        {
            if (i > 0)
                text.Append(", ");
            string? name = nameOf(ids[i]);
            text.Append(SlackText.Escape(string.IsNullOrEmpty(name) ? ids[i] : name, MaxNameLength));
        }
    }
}
