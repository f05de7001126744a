using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;
using SocketDeployer.Tests.Ops;
using SocketDeployer.Tests.Support;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

/// <summary>The daemon as systemd runs it: its own process, sd_notify on a real datagram socket, SIGTERM.</summary>
public class ServiceLifecycleTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Test]
    public async Task NotifiesReadyWatchdogAndStoppingAndExitsCleanlyOnSigterm()
    {
        await using var env = await SandboxEnvironment.StartAsync();
        // A real datagram socket as NOTIFY_SOCKET: the daemon's notifications go through the package's SystemdNotifier.
        using var socket = NotifySocketListener.OnPath();
        await using var daemon = DaemonProcess.Start(env, new Dictionary<string, string>
        {
            ["NOTIFY_SOCKET"] = socket.NotifySocket,
            ["WATCHDOG_USEC"] = "2000000",
        });

        var ready = await socket.ReceiveUntilAsync(m => m.Contains("READY=1", StringComparison.Ordinal), () => daemon.Output);
        Assert.Multiple(() =>
        {
            Assert.That(env.Slack.OpenConnections, Is.GreaterThanOrEqualTo(1), "READY only after a Socket Mode hello");
            Assert.That(env.Aws.Calls.Any(c => c.Operation == "ReceiveMessage"), Is.True, "READY only after the first SQS receive");
            Assert.That(ready, Does.Contain("STATUS=").Or.Contain("READY=1"));
        });
        await socket.ReceiveUntilAsync(m => m.Contains("WATCHDOG=1", StringComparison.Ordinal), () => daemon.Output);

        await daemon.SigtermAsync();
        await socket.ReceiveUntilAsync(m => m.Contains("STOPPING=1", StringComparison.Ordinal), () => daemon.Output);
        Assert.That(await daemon.WaitForExitAsync(Wait), Is.Zero, daemon.Output);
    }

    [Test]
    public async Task ASigtermMidReleaseLosesNothingAndASecondInstanceFinishesIt()
    {
        await using var env = await SandboxEnvironment.StartAsync();
        env.Aws.RunAutomations(env.QueueUrl);
        await using var first = DaemonProcess.Start(env);
        await env.Slack.WaitForConnectionsAsync(2, Wait);

        var ts = await env.Slack.PostUserMessageAsync(DeployChannel, Alice, $"<@{env.Slack.BotUserId}> run deploy app r-99.1.0");
        var prompt = await env.Slack.WaitForMessageAsync(m => m.ThreadTs == ts && IsPrompt(m), Wait);

        await using var second = DaemonInstance.Start(env);
        await env.Slack.WaitForConnectionsAsync(4, Wait);
        await first.SigtermAsync();
        Assert.That(await first.WaitForExitAsync(Wait), Is.Zero, first.Output);

        var execution = env.Aws.Executions.Single();
        await env.Slack.ClickButtonAsync(Bob, DeployChannel, prompt.Ts, ApprovalMessages.ApproveAction, ApprovalMessages.ButtonValue(execution.Id, "approve"));
        await env.Slack.WaitForMessageAsync(m => m.ThreadTs == ts && m.Text.StartsWith(":tada:", StringComparison.Ordinal), Wait);

        // The status message's final edit follows the result: await it before reading.
        var status = env.Slack.Thread(DeployChannel, ts).First(m => m.IsBot);
        await env.Slack.WaitForMessageAsync(m => m.Ts == status.Ts && m.Text.Contains("deployed in", StringComparison.Ordinal), Wait);

        var thread = env.Slack.Thread(DeployChannel, ts).Where(m => m.IsBot).ToList();
        var shown = thread[0].Text.Split('\n').Skip(1).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(execution.Status, Is.EqualTo("Success"));
            Assert.That(execution.Signals, Has.Count.EqualTo(1));
            Assert.That(thread.Count(m => m.Text.StartsWith(":tada:", StringComparison.Ordinal)), Is.EqualTo(1), "one result");
            Assert.That(thread[^1].Text, Does.StartWith(":tada:"), "the result is last");
            Assert.That(thread.Count(IsPrompt), Is.EqualTo(1), "one prompt");
            Assert.That(thread, Has.Count.EqualTo(3), "start reply, prompt, result: nothing repeated by the second instance");
            foreach (var step in new[] { "build", "updateParameters", "rollout" })
            {
                Assert.That(shown.Count(l => l.StartsWith($":white_check_mark: *{step}* succeeded", StringComparison.Ordinal)), Is.EqualTo(1), step);
            }
        });
    }

    private static bool IsPrompt(SlackMessageRecord m) =>
        m.IsBot && m.Text.Contains("Approval needed", StringComparison.Ordinal);
}
