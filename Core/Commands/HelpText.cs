using System.Globalization;
using System.Text;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Commands;

/// <summary>The answer to <c>help</c>: every service, its format, and who may deploy and approve it.</summary>
public static class HelpText
{
    private const int MaxDescriptionLength = 200;
    private const int MaxNameLength = 80;

    /// <summary>
    /// Builds the help in mrkdwn. People and groups appear by name through <paramref name="nameOf"/> and escaped, never
    /// as <c>&lt;@U…&gt;</c> or <c>&lt;!subteam^…&gt;</c>: asking for help must not ping the approvers.
    /// </summary>
    /// <param name="nameOf">User or user-group id → display name such as <c>@bob</c> or <c>@prod-approvers</c>; the id is shown when it answers null or empty.</param>
    /// <param name="botMention">How users address the bot, as display text (<c>@deploybot</c>).</param>
    /// <param name="freezes">The freezes in force and the next one (<see cref="Policy.Freezes.FreezeMessages.Summary"/>);
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
            text.Append("*Freezes*\n").Append(freezes).Append('\n')
                .Append("    during a freeze, add `--break-glass &lt;reason&gt;` to a deploy: it then needs one approval more, from a break-glass approver\n");
        }

        text.Append(CommandHelp.Build(services, botMention));
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
