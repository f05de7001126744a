using System.Net;
using System.Text.Json.Nodes;
using SocketDeployer.Sandbox.Slack;

namespace SocketDeployer.Tests.SandboxSlack;

public class WebApiTests
{
    private SlackWorkspace _workspace = null!;
    private SlackApiTestClient _api = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _workspace = await SocketModeTests.StartWithPeopleAsync();
        _api = new SlackApiTestClient(_workspace);
    }

    [TearDown]
    public async Task StopAsync()
    {
        _api.Dispose();
        await _workspace.DisposeAsync();
    }

    [Test]
    public async Task Auth_test_names_the_bot()
    {
        var json = await _api.BotAsync("auth.test", []);

        Assert.Multiple(() =>
        {
            Assert.That(json["team_id"]?.ToString(), Is.EqualTo("T0SANDBOX"));
            Assert.That(json["user_id"]?.ToString(), Is.EqualTo("U0DEPLOYBOT"));
            Assert.That(json["user"]?.ToString(), Is.EqualTo("deploybot"));
            Assert.That(json["bot_id"]?.ToString(), Is.Not.Empty);
            Assert.That(_workspace.AppToken, Does.StartWith("xapp-1-A0SANDBOX-"));
            Assert.That(_workspace.BotToken, Does.StartWith("xoxb-"));
        });
    }

    [Test]
    public async Task Tokens_are_checked_like_slack_does()
    {
        var (missing, missingJson) = await _api.PostFormAsync("auth.test", null);
        var (_, wrongJson) = await _api.PostFormAsync("auth.test", "xoxb-not-the-token");
        var (_, botForSocket) = await _api.PostFormAsync("apps.connections.open", _workspace.BotToken);
        var (_, appForChat) = await _api.PostFormAsync("chat.postMessage", _workspace.AppToken, ("channel", "C0DEPLOY"), ("text", "hi"));
        var (_, formToken) = await _api.PostFormAsync("auth.test", null, ("token", _workspace.BotToken));

        Assert.Multiple(() =>
        {
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(missingJson?["error"]?.ToString(), Is.EqualTo("not_authed"));
            Assert.That(wrongJson?["error"]?.ToString(), Is.EqualTo("invalid_auth"));
            Assert.That(botForSocket?["error"]?.ToString(), Is.EqualTo("not_allowed_token_type"));
            Assert.That(appForChat?["error"]?.ToString(), Is.EqualTo("not_allowed_token_type"));
            Assert.That(formToken?["ok"]?.GetValue<bool>(), Is.True);
            Assert.That(_workspace.Messages("C0DEPLOY"), Is.Empty);
        });
    }

    [Test]
    public async Task Post_message_assigns_slack_shaped_ts_and_records_the_call()
    {
        var (_, json) = await _api.PostFormAsync("chat.postMessage", _workspace.BotToken, ("channel", "C0DEPLOY"), ("text", "hello <@U0ALICE>"));

        var ts = json!["ts"]!.ToString();
        var call = _workspace.Calls.Single();
        Assert.Multiple(() =>
        {
            Assert.That(ts, Does.Match(@"^\d{10}\.\d{6}$"));
            Assert.That(json["channel"]?.ToString(), Is.EqualTo("C0DEPLOY"));
            Assert.That(json["message"]?["text"]?.ToString(), Is.EqualTo("hello <@U0ALICE>"));
            Assert.That(json["message"]?["bot_id"]?.ToString(), Is.Not.Empty);
            Assert.That(call.Method, Is.EqualTo("chat.postMessage"));
            Assert.That(call.Arguments["channel"]?.ToString(), Is.EqualTo("C0DEPLOY"));
            Assert.That(call.Ok, Is.True);
            Assert.That(_workspace.Messages("C0DEPLOY").Single().Ts, Is.EqualTo(ts));
            Assert.That(_workspace.Messages("C0DEPLOY").Single().IsBot, Is.True);
        });
    }

    [Test]
    public async Task Channel_and_content_errors()
    {
        Assert.Multiple(async () =>
        {
            Assert.That(await _api.BotErrorAsync("chat.postMessage", new() { ["channel"] = "C0NOPE", ["text"] = "x" }), Is.EqualTo("channel_not_found"));
            Assert.That(await _api.BotErrorAsync("chat.postMessage", new() { ["channel"] = "C0RANDOM", ["text"] = "x" }), Is.EqualTo("not_in_channel"));
            Assert.That(await _api.BotErrorAsync("chat.postMessage", new() { ["channel"] = "C0DEPLOY" }), Is.EqualTo("no_text"));
            Assert.That(await _api.BotErrorAsync("chat.postMessage", new() { ["channel"] = "C0DEPLOY", ["blocks"] = "{\"type\":\"divider\"}" }), Is.EqualTo("invalid_blocks"));
            Assert.That(await _api.BotErrorAsync("chat.postMessage", new() { ["channel"] = "C0DEPLOY", ["blocks"] = Dividers(51) }), Is.EqualTo("invalid_blocks"));
            Assert.That(await _api.BotErrorAsync("chat.postMessage", new() { ["channel"] = "C0DEPLOY", ["text"] = new string('a', 40_001) }), Is.EqualTo("msg_too_long"));
            Assert.That(await _api.BotErrorAsync("users.info", new() { ["user"] = "U0NOBODY" }), Is.EqualTo("user_not_found"));
            Assert.That(await _api.BotErrorAsync("users.lookupByEmail", new() { ["email"] = "nobody@example.com" }), Is.EqualTo("users_not_found"));
        });
        var blocks = await _api.BotAsync("chat.postMessage", new() { ["channel"] = "C0DEPLOY", ["text"] = "t", ["blocks"] = Dividers(50) });
        Assert.That(blocks["message"]?["blocks"]?.AsArray(), Has.Count.EqualTo(50));
        Assert.That(_workspace.Calls.Count(c => !c.Ok), Is.EqualTo(8));
    }

    [Test]
    public async Task A_revoked_scope_answers_missing_scope_with_needed_and_provided()
    {
        _workspace.RevokeScope("usergroups:read");

        var (_, json) = await _api.PostFormAsync("usergroups.users.list", _workspace.BotToken, ("usergroup", "S0APPROVERS"));

        Assert.Multiple(() =>
        {
            Assert.That(json?["error"]?.ToString(), Is.EqualTo("missing_scope"));
            Assert.That(json?["needed"]?.ToString(), Is.EqualTo("usergroups:read"));
            Assert.That(json?["provided"]?.ToString(), Does.Contain("chat:write").And.Not.Contain("usergroups:read"));
        });
    }

    [Test]
    public async Task Update_changes_the_message_and_keeps_its_blocks_when_omitted()
    {
        var blocks = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "Deploying" } });
        var ts = (await _api.BotAsync("chat.postMessage", new() { ["channel"] = "C0DEPLOY", ["text"] = "Deploying", ["blocks"] = blocks }))["ts"]!.ToString();
        var waiter = _workspace.WaitForMessageAsync(m => m.Ts == ts && m.EditCount == 1, TimeSpan.FromSeconds(10));

        var json = await _api.BotAsync("chat.update", new() { ["channel"] = "C0DEPLOY", ["ts"] = ts, ["text"] = "Deployed" });
        var updated = await waiter;

        Assert.Multiple(() =>
        {
            Assert.That(json["ts"]?.ToString(), Is.EqualTo(ts));
            Assert.That(json["text"]?.ToString(), Is.EqualTo("Deployed"));
            Assert.That(updated.Text, Is.EqualTo("Deployed"));
            Assert.That(updated.Blocks, Has.Count.EqualTo(1));
            Assert.That(_workspace.Messages("C0DEPLOY"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Update_refuses_unknown_and_foreign_messages()
    {
        var userTs = await _workspace.PostUserMessageAsync("C0DEPLOY", "U0ALICE", "hi");

        Assert.Multiple(async () =>
        {
            Assert.That(await _api.BotErrorAsync("chat.update", new() { ["channel"] = "C0DEPLOY", ["ts"] = "1.000001", ["text"] = "x" }), Is.EqualTo("message_not_found"));
            Assert.That(await _api.BotErrorAsync("chat.update", new() { ["channel"] = "C0DEPLOY", ["ts"] = userTs, ["text"] = "x" }), Is.EqualTo("cant_update_message"));
        });
    }

    [Test]
    public async Task Thread_replies_and_ephemerals_belong_to_the_thread()
    {
        var parent = await _workspace.PostUserMessageAsync("C0DEPLOY", "U0ALICE", "<@U0DEPLOYBOT> deploy app 1");
        var reply = (await _api.BotAsync("chat.postMessage", new() { ["channel"] = "C0DEPLOY", ["thread_ts"] = parent, ["text"] = "started" }))["ts"]!.ToString();
        var ephemeral = await _api.BotAsync("chat.postEphemeral", new() { ["channel"] = "C0DEPLOY", ["user"] = "U0CAROL", ["thread_ts"] = parent, ["text"] = "not you" });
        await _api.BotAsync("chat.postMessage", new() { ["channel"] = "C0DEPLOY", ["text"] = "elsewhere" });

        var thread = _workspace.Thread("C0DEPLOY", parent);
        Assert.Multiple(() =>
        {
            Assert.That(ephemeral["message_ts"]?.ToString(), Does.Match(@"^\d+\.\d{6}$"));
            Assert.That(thread.Select(m => m.Text), Is.EqualTo(new[] { "<@U0DEPLOYBOT> deploy app 1", "started", "not you" }));
            Assert.That(thread[1].ThreadTs, Is.EqualTo(parent));
            Assert.That(thread[1].Ts, Is.EqualTo(reply));
            Assert.That(thread[2].EphemeralFor, Is.EqualTo("U0CAROL"));
            Assert.That(_workspace.Messages("C0DEPLOY"), Has.Count.EqualTo(4));
        });
    }

    [Test]
    public async Task Directory_methods_answer_from_the_directory()
    {
        var members = await _api.BotAsync("usergroups.users.list", new() { ["usergroup"] = "S0APPROVERS" });
        _workspace.SetUserGroupMembers("S0APPROVERS", "U0ALICE");
        var changed = await _api.BotAsync("usergroups.users.list", new() { ["usergroup"] = "S0APPROVERS" });
        var groups = await _api.BotAsync("usergroups.list", []);
        var user = await _api.BotAsync("users.info", new() { ["user"] = "U0BOB" });
        var byEmail = await _api.BotAsync("users.lookupByEmail", new() { ["email"] = "BOB@example.com" });

        Assert.Multiple(async () =>
        {
            Assert.That(members["users"]!.AsArray().Select(u => u!.ToString()), Is.EqualTo(new[] { "U0BOB", "U0CAROL" }));
            Assert.That(changed["users"]!.AsArray().Select(u => u!.ToString()), Is.EqualTo(new[] { "U0ALICE" }));
            Assert.That(groups["usergroups"]![0]!["id"]?.ToString(), Is.EqualTo("S0APPROVERS"));
            Assert.That(groups["usergroups"]![0]!["handle"]?.ToString(), Is.EqualTo("prod-approvers"));
            Assert.That(groups["usergroups"]![0]!["name"]?.ToString(), Is.Not.Empty);
            Assert.That(user["user"]!["profile"]!["display_name"]?.ToString(), Is.EqualTo("bob"));
            Assert.That(byEmail["user"]!["id"]?.ToString(), Is.EqualTo("U0BOB"));
            Assert.That(byEmail["user"]!["profile"]!["email"]?.ToString(), Is.EqualTo("bob@example.com"));
            Assert.That(await _api.BotErrorAsync("usergroups.users.list", new() { ["usergroup"] = "S0NOPE" }), Is.EqualTo("no_such_subteam"));
        });
    }

    [Test]
    public async Task Fail_next_answers_429_with_retry_after_then_recovers()
    {
        _workspace.FailNext("chat.postMessage", 429, TimeSpan.FromSeconds(2));
        _workspace.FailNext("users.info", 503);

        var (limited, limitedJson) = await _api.PostJsonAsync("chat.postMessage", _workspace.BotToken, new() { ["channel"] = "C0DEPLOY", ["text"] = "x" });
        var (unavailable, _) = await _api.PostJsonAsync("users.info", _workspace.BotToken, new() { ["user"] = "U0BOB" });
        await _api.BotAsync("chat.postMessage", new() { ["channel"] = "C0DEPLOY", ["text"] = "x" });

        Assert.Multiple(() =>
        {
            Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(limited.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(limitedJson?["error"]?.ToString(), Is.EqualTo("ratelimited"));
            Assert.That(unavailable.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(_workspace.Calls.Select(c => c.HttpStatus), Is.EqualTo(new[] { 429, 503, 200 }));
            Assert.That(_workspace.Messages("C0DEPLOY"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Fail_connections_open_returns_the_error_then_a_url()
    {
        _workspace.FailConnectionsOpen("internal_error", 1);

        var (_, failed) = await _api.PostFormAsync("apps.connections.open", _workspace.AppToken);
        var url = await _api.OpenConnectionUrlAsync();

        Assert.That(failed?["error"]?.ToString(), Is.EqualTo("internal_error"));
        Assert.That(url.Query, Does.StartWith("?ticket="));
    }

    [Test]
    public async Task Wait_for_message_times_out_with_a_dump_of_the_channels()
    {
        await _workspace.PostUserMessageAsync("C0DEPLOY", "U0ALICE", "just chatting");

        var error = Assert.ThrowsAsync<TimeoutException>(() => _workspace.WaitForMessageAsync(m => m.IsBot, TimeSpan.FromMilliseconds(100)));

        Assert.That(error!.Message, Does.Contain("#deploy").And.Contain("just chatting"));
    }

    private static JsonArray Dividers(int count) => [.. Enumerable.Range(0, count).Select(_ => (JsonNode)new JsonObject { ["type"] = "divider" })];
}
