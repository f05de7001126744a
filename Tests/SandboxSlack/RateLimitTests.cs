using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SocketDeployer.Sandbox.Slack;

namespace SocketDeployer.Tests.SandboxSlack;

public class RateLimitTests
{
    // A clock that does not move unless told, so the token buckets never refill during the test.
    private static FakeTimeProvider FrozenTime() => new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Test]
    public async Task Post_message_is_limited_per_channel_when_enforced()
    {
        await using var workspace = await SlackWorkspace.StartAsync(new SlackWorkspaceOptions { EnforceRateLimits = true, TimeProvider = FrozenTime() });
        workspace.AddChannel("C0ONE", "one");
        workspace.AddChannel("C0TWO", "two");
        using var api = new SlackApiTestClient(workspace);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 4; i++)
        {
            var (response, _) = await api.PostJsonAsync("chat.postMessage", workspace.BotToken, new JsonObject { ["channel"] = "C0ONE", ["text"] = "x" });
            statuses.Add(response.StatusCode);
            limited = response;
        }

        var (other, _) = await api.PostJsonAsync("chat.postMessage", workspace.BotToken, new JsonObject { ["channel"] = "C0TWO", ["text"] = "x" });

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
            Assert.That(limited!.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(workspace.Messages("C0ONE"), Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task Nothing_is_limited_by_default()
    {
        await using var workspace = await SlackWorkspace.StartAsync(new SlackWorkspaceOptions { TimeProvider = FrozenTime() });
        workspace.AddChannel("C0ONE", "one");
        using var api = new SlackApiTestClient(workspace);

        for (var i = 0; i < 10; i++)
        {
            await api.BotAsync("chat.postMessage", new JsonObject { ["channel"] = "C0ONE", ["text"] = "x" });
        }

        Assert.That(workspace.Messages("C0ONE"), Has.Count.EqualTo(10));
    }
}
