using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocketDeployer.Sandbox.Aws;
using SocketDeployer.Sandbox.Slack;

namespace SocketDeployer.Sandbox.Web;

/// <summary>
/// Everything the page shows, as one JSON document for one viewer: the deploy channel as that person sees it
/// (others' ephemeral messages left out), the people and their roles, the executions with their steps, the audit log.
/// </summary>
internal sealed class WebState(WebSandbox sandbox)
{
    private SlackWorkspace Slack => sandbox.Environment.Slack;

    public string Build(string viewer)
    {
        var channel = sandbox.Catalog.DeployChannel;
        var state = new JsonObject
        {
            ["viewer"] = viewer,
            ["team"] = "Sandbox",
            ["bot"] = new JsonObject { ["id"] = Slack.BotUserId, ["name"] = Slack.BotUserName },
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = Slack.Channels.FirstOrDefault(c => c.Id == channel).Name ?? channel },
            ["channels"] = new JsonArray([.. Slack.Channels.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["name"] = c.Name })]),
            ["users"] = Users(),
            ["groups"] = new JsonObject([.. Slack.UserGroups.Select(g => KeyValuePair.Create(g.Id, (JsonNode?)g.Handle))]),
            ["people"] = new JsonArray([.. Slack.People.Select(p => (JsonNode)new JsonObject
            {
                ["id"] = p.Id, ["name"] = p.Name, ["roles"] = sandbox.Catalog.RolesOf(p.Id, Slack),
            })]),
            ["messages"] = new JsonArray([.. Slack.Messages(channel)
                .Where(m => m.EphemeralFor is null || m.EphemeralFor == viewer)
                .Select(m => (JsonNode)Message(m))]),
            ["stepSeconds"] = sandbox.Controls.StepTime?.TotalSeconds,
            ["executions"] = new JsonArray([.. sandbox.Environment.Aws.Executions.Reverse().Select(e => (JsonNode)Execution(e))]),
            ["audit"] = Audit(),
        };
        return state.ToJsonString();
    }

    private JsonObject Users()
    {
        var users = new JsonObject([.. Slack.People.Select(p => KeyValuePair.Create(p.Id, (JsonNode?)p.Name))]);
        users[Slack.BotUserId] = Slack.BotUserName;
        return users;
    }

    private static JsonObject Message(SlackMessageRecord m) => new()
    {
        ["ts"] = m.Ts,
        ["threadTs"] = m.ThreadTs,
        ["user"] = m.User,
        ["isBot"] = m.IsBot,
        ["text"] = m.Text,
        ["blocks"] = m.Blocks,
        ["ephemeral"] = m.EphemeralFor is not null,
        ["edits"] = m.EditCount,
    };

    private JsonObject Execution(SandboxExecution e) => new()
    {
        ["id"] = e.Id,
        ["document"] = e.Document.Name,
        ["version"] = e.Document.Version,
        ["status"] = e.Status,
        ["start"] = Time(e.StartTime),
        ["end"] = e.EndTime is { } end ? Time(end) : null,
        ["failure"] = e.FailureMessage,
        ["parameters"] = new JsonObject([.. e.Parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)string.Join(", ", p.Value)))]),
        ["steps"] = new JsonArray([.. e.Steps.Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.StepExecutionId,
            ["name"] = s.Step.Name,
            ["action"] = s.Step.Action,
            ["status"] = s.Status,
            ["failure"] = s.FailureMessage,
            ["held"] = sandbox.Controls.IsHeld(s.StepExecutionId),
        })]),
    };

    /// <summary>The audit log's entries; a line the daemon is still writing is left for the next change.</summary>
    private JsonArray Audit()
    {
        var entries = new JsonArray();
        var path = sandbox.Environment.AuditLogPath;
        if (!File.Exists(path))
            return entries;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            try
            {
                if (JsonNode.Parse(line) is JsonObject entry)
                    entries.Add(entry);
            }
            catch (JsonException)
            {
                // Half a line: the daemon appends and flushes per entry, so the rest comes with the next change.
            }
        }

        return entries;
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
