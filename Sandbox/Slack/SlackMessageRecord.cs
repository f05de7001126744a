using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Slack;

/// <summary>A message as it currently stands in a channel.</summary>
/// <param name="Channel">Channel id.</param>
/// <param name="Ts">The message's ts.</param>
/// <param name="ThreadTs">The parent's ts for replies (and for a parent that has replies); null otherwise.</param>
/// <param name="User">Author's user id (the bot user for bot messages).</param>
/// <param name="IsBot">Posted by the bot through the Web API.</param>
/// <param name="Text">Current text.</param>
/// <param name="Blocks">Current blocks (a copy), or null.</param>
/// <param name="EphemeralFor">For chat.postEphemeral, the only user who sees it.</param>
/// <param name="EditCount">How many times chat.update changed it.</param>
public sealed record SlackMessageRecord(
    string Channel,
    string Ts,
    string? ThreadTs,
    string User,
    bool IsBot,
    string Text,
    JsonArray? Blocks,
    string? EphemeralFor,
    int EditCount)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var thread = ThreadTs is null || ThreadTs == Ts ? "" : $" thread={ThreadTs}";
        var eph = EphemeralFor is null ? "" : $" ephemeral-for={EphemeralFor}";
        var blocks = Blocks is null ? "" : $" blocks={Blocks.ToJsonString()}";
        return $"[{Ts}{thread}{eph} edits={EditCount}] {User}: {Text}{blocks}";
    }
}
