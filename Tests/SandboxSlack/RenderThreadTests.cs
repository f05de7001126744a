using System.Text.Json.Nodes;

namespace SocketDeployer.Tests.SandboxSlack;

public class RenderThreadTests
{
    [Test]
    public async Task A_thread_reads_like_slack_shows_it()
    {
        await using var workspace = await SocketModeTests.StartWithPeopleAsync();
        using var api = new SlackApiTestClient(workspace);
        var parent = await workspace.PostUserMessageAsync("C0DEPLOY", "U0ALICE", "<@U0DEPLOYBOT> run deploy app r-99.1.0");
        await api.BotAsync("chat.postMessage", new() { ["channel"] = "C0DEPLOY", ["thread_ts"] = parent, ["text"] = "Started *app* r-99.1.0 for <@U0ALICE> &amp; friends" });
        await api.BotAsync("chat.postEphemeral", new() { ["channel"] = "C0DEPLOY", ["thread_ts"] = parent, ["user"] = "U0CAROL", ["text"] = "You are not a deployer of app." });
        await api.BotAsync("chat.postMessage", new()
        {
            ["channel"] = "C0DEPLOY",
            ["thread_ts"] = parent,
            ["text"] = "Approval needed",
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "Approve? Approvers: <!subteam^S0APPROVERS|@prod-approvers>, <@U0BOB>" } },
                new JsonObject
                {
                    ["type"] = "actions",
                    ["elements"] = new JsonArray(
                        new JsonObject { ["type"] = "button", ["action_id"] = "socketdeployer.approve", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Approve" } },
                        new JsonObject { ["type"] = "button", ["action_id"] = "socketdeployer.reject", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Reject" } }),
                }),
        });
        await workspace.PostUserMessageAsync("C0DEPLOY", "U0BOB", "elsewhere");

        var rendered = workspace.RenderThread("C0DEPLOY", parent);

        Assert.That(rendered, Is.EqualTo(
            "alice: @deploybot run deploy app r-99.1.0\n" +
            "│ deploybot: Started *app* r-99.1.0 for @alice & friends\n" +
            "│ deploybot (only visible to @carol): You are not a deployer of app.\n" +
            "│ deploybot: Approve? Approvers: @prod-approvers, @bob\n" +
            "│   [Approve] [Reject]\n"));
    }
}
