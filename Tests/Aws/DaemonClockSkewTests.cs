using SocketDeployer.Sandbox.Aws;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Tests.Support;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.Aws;

/// <summary>The daemon, in its own process, on a host whose clock is ten minutes behind AWS's: the SDK corrects and it works.</summary>
public class DaemonClockSkewTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Test]
    public async Task The_daemon_recovers_from_a_ten_minute_clock_difference()
    {
        await using var env = await SandboxEnvironment.StartAsync(awsOptions: new AwsSandboxOptions { TimeProvider = new ClockSkewTests.OffsetTime(TimeSpan.FromMinutes(10)) });
        await using var daemon = DaemonProcess.Start(env);

        var received = await env.Aws.WaitForCallAsync(c => c.Operation == "ReceiveMessage" && c.StatusCode == 200, Wait);
        await env.Slack.WaitForConnectionsAsync(2, Wait);
        await env.Slack.PostUserMessageAsync(DeployChannel, Alice, $"<@{env.Slack.BotUserId}> run deploy app r-99.1.0");
        var started = await env.Aws.WaitForCallAsync(c => c.Operation == "StartAutomationExecution" && c.StatusCode == 200, Wait);

        var refused = env.Aws.Calls.Where(c => c.ErrorCode is not null).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.Not.Empty, "the first calls were signed with the host's clock and refused");
            Assert.That(refused.Select(c => c.ErrorCode), Is.All.EqualTo("InvalidSignatureException"));
            Assert.That(refused, Has.Count.LessThanOrEqualTo(2), "about one refusal per client before it corrected its clock");
            Assert.That(received.Time, Is.GreaterThanOrEqualTo(refused[0].Time));
            Assert.That(started.StatusCode, Is.EqualTo(200), daemon.Output);
        });
    }
}
