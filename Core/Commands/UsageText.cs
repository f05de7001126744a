namespace SocketDeployer.Core.Commands;

/// <summary>The one-line summary of the grammar that follows every command error and ends the help.</summary>
public static class UsageText
{
    /// <summary>
    /// "Usage: `@deploybot run deploy &lt;service&gt; &lt;version&gt;` · `status [service|execution-id]` · …" in mrkdwn.
    /// </summary>
    /// <param name="botMention">How users address the bot, as display text (<c>@deploybot</c>), not a <c>&lt;@U…&gt;</c> mention.</param>
    public static string Build(string botMention)
    {
        ArgumentNullException.ThrowIfNull(botMention);
        // Entities only: the line is meant to be copied, so the mention must stay typeable.
        string bot = SlackText.EscapeEntities(botMention.Replace('`', '\u02CB'));
        return $"Usage: `{bot} run deploy &lt;service&gt; &lt;version&gt;` · `status [service|execution-id]` · "
            + "`cancel &lt;execution-id&gt;` · `lock &lt;service&gt; &lt;reason&gt;` · `unlock &lt;service&gt;` · "
            + "`history &lt;service&gt; [count]` · `rollback &lt;service&gt; [version]` · `plan deploy &lt;service&gt; &lt;version&gt;` · `help`";
    }
}
