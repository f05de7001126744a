using System.Text.Json.Nodes;
using SocketDeployer.Sandbox.Slack;

namespace SocketDeployer.Tests.SandboxSlack;

public class InteractionTests
{
    private static readonly JsonArray PromptBlocks =
    [
        new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "Approve *app* r-99.1.0? <!subteam^S0APPROVERS>" } },
        new JsonObject
        {
            ["type"] = "actions",
            ["block_id"] = "decide",
            ["elements"] = new JsonArray(
                new JsonObject { ["type"] = "button", ["action_id"] = "socketdeployer.approve", ["style"] = "primary", ["value"] = "exec-1/approve", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Approve" } },
                new JsonObject { ["type"] = "button", ["action_id"] = "socketdeployer.reject", ["style"] = "danger", ["value"] = "exec-1/approve", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Reject" } }),
        },
    ];

    [Test]
    public async Task A_click_sends_block_actions_with_the_current_message()
    {
        await using var workspace = await SocketModeTests.StartWithPeopleAsync();
        using var api = new SlackApiTestClient(workspace);
        await using var client = await SocketModeTestClient.ConnectAsync(await api.OpenConnectionUrlAsync());
        await client.ReceiveHelloAsync();
        var parent = await workspace.PostUserMessageAsync("C0DEPLOY", "U0ALICE", "deploy please");
        var prompt = await api.BotAsync("chat.postMessage", new() { ["channel"] = "C0DEPLOY", ["thread_ts"] = parent, ["text"] = "Approve?", ["blocks"] = PromptBlocks.DeepClone() });
        var ts = prompt["ts"]!.ToString();

        await workspace.ClickButtonAsync("U0BOB", "C0DEPLOY", ts, "socketdeployer.approve", "exec-1/approve");
        var envelope = await client.ReceiveAsync();

        var payload = envelope["payload"]!;
        var sample = SlackSamples.Load("interactive_block_actions_button.bolt-python-test.json");
        var samplePaths = SlackSamples.KeyPaths(sample).Where(p => !p.StartsWith("payload.message.blocks", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(envelope["type"]?.ToString(), Is.EqualTo("interactive"));
            Assert.That(SlackSamples.KeyPaths(envelope), Is.SupersetOf(samplePaths));
            Assert.That(payload["type"]?.ToString(), Is.EqualTo("block_actions"));
            Assert.That(payload["user"]!["id"]?.ToString(), Is.EqualTo("U0BOB"));
            Assert.That(payload["user"]!["username"]?.ToString(), Is.EqualTo("bob"));
            Assert.That(payload["user"]!["team_id"]?.ToString(), Is.EqualTo("T0SANDBOX"));
            Assert.That(payload["container"]!["message_ts"]?.ToString(), Is.EqualTo(ts));
            Assert.That(payload["container"]!["is_ephemeral"]?.GetValue<bool>(), Is.False);
            Assert.That(payload["channel"]!["id"]?.ToString(), Is.EqualTo("C0DEPLOY"));
            Assert.That(payload["message"]!["thread_ts"]?.ToString(), Is.EqualTo(parent));
            Assert.That(payload["message"]!["blocks"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(payload["actions"]![0]!["action_id"]?.ToString(), Is.EqualTo("socketdeployer.approve"));
            Assert.That(payload["actions"]![0]!["block_id"]?.ToString(), Is.EqualTo("decide"));
            Assert.That(payload["actions"]![0]!["value"]?.ToString(), Is.EqualTo("exec-1/approve"));
            Assert.That(payload["actions"]![0]!["action_ts"]?.ToString(), Does.Match(@"^\d+\.\d{6}$"));
        });
    }

    [Test]
    public async Task A_click_needs_a_button_with_that_action_id()
    {
        await using var workspace = await SocketModeTests.StartWithPeopleAsync();
        using var api = new SlackApiTestClient(workspace);
        var ts = (await api.BotAsync("chat.postMessage", new() { ["channel"] = "C0DEPLOY", ["text"] = "Approve?", ["blocks"] = PromptBlocks.DeepClone() }))["ts"]!.ToString();
        await api.BotAsync("chat.update", new() { ["channel"] = "C0DEPLOY", ["ts"] = ts, ["text"] = "Approved by bob", ["blocks"] = new JsonArray() });

        Assert.Throws<InvalidOperationException>(() => workspace.ClickButtonAsync("U0BOB", "C0DEPLOY", ts, "socketdeployer.approve", "x").GetAwaiter().GetResult());
    }
}
