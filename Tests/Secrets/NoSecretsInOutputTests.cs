using Microsoft.Extensions.Logging.Testing;
using System.Text;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Verbs;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;
using SocketDeployer.Tests.Support;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.Secrets;

/// <summary>
/// Everything the daemon writes while doing its work (log records with their exceptions at Debug, check-config's
/// report, and the console of a real process) is scanned for the Slack tokens, the AWS secret key and websocket tickets.
/// </summary>
public class NoSecretsInOutputTests
{
    private const string RevokedBotToken = "xoxb-1000000001-1000000002-RevokedTokenAbc987";
    private const string WrongAppToken = "xapp-1-A0SANDBOX-1000000001-ffffeeeeddddccccbbbbaaaa99998888";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Test]
    public async Task RepresentativeFlowsNeverWriteATokenTheSecretKeyOrATicket()
    {
        await using var env = await SandboxEnvironment.StartAsync();
        env.Aws.RunAutomations(env.QueueUrl);
        using var logs = new FakeLoggerProvider();
        var output = new StringBuilder();

        await AWholeReleaseAndARefusalAsync(env, logs);
        await ABadBotTokenAsync(env, logs);
        await ABadAppTokenAsync(env, logs);
        output.Append(await CheckConfigOnlineAsync(env, logs)).Append(await CheckConfigOnlineAsync(env, logs, $"--Slack:BotToken={RevokedBotToken}"));
        output.Append(await ARealProcessAsync(env));
        foreach (var record in logs.Records)
        {
            output.Append(record).Append('\n').Append(record.Exception?.ToString()).Append('\n');
        }

        var scanned = output.ToString();
        TestContext.Out.WriteLine($"scanned {scanned.Length} characters from {logs.Records.Count} log records, check-config and a process");
        Assert.Multiple(() =>
        {
            // The scan saw the flows, so finding nothing means something.
            Assert.That(scanned, Does.Contain("Started app r-99.1.0").And.Contain("Slack refused the bot token").And.Contain("All online checks passed"));
            Assert.That(scanned, Does.Contain("approval").IgnoreCase.And.Contain("not a deployer"));
            foreach (var (name, secret) in Secrets(env))
            {
                Assert.That(scanned, Does.Not.Contain(secret), $"the {name} appears in the daemon's output");
            }

            Assert.That(scanned, Does.Not.Contain("ticket=").IgnoreCase, "a websocket URL with its ticket appears in the daemon's output");
        });
    }

    /// <summary>Each secret, and its tail: a secret cut short or after its prefix is still a leak.</summary>
    private static IEnumerable<(string Name, string Secret)> Secrets(SandboxEnvironment env)
    {
        foreach (var (name, secret) in new[]
        {
            ("Slack app token", env.Slack.AppToken),
            ("Slack bot token", env.Slack.BotToken),
            ("revoked bot token", RevokedBotToken),
            ("wrong app token", WrongAppToken),
            ("AWS secret access key", env.Aws.SecretAccessKey),
        })
        {
            yield return (name, secret);
            yield return (name + " (tail)", secret[^12..]);
        }
    }

    private static async Task AWholeReleaseAndARefusalAsync(SandboxEnvironment env, FakeLoggerProvider logs)
    {
        await using var daemon = DaemonInstance.Start(env, logs.AddTo);
        await env.Slack.WaitForConnectionsAsync(2, Wait);
        var refused = await Say(env, Dave, "run deploy app r-99.1.0");
        await env.Slack.WaitForMessageAsync(m => m.EphemeralFor == Dave && m.ThreadTs == refused, Wait);
        await Say(env, Alice, "help <!channel>");
        var ts = await Say(env, Alice, "run deploy app r-99.1.0");
        var prompt = await env.Slack.WaitForMessageAsync(
            m => m.IsBot && m.ThreadTs == ts && m.Blocks?.ToJsonString().Contains(ApprovalMessages.ApproveAction, StringComparison.Ordinal) == true, Wait);
        env.Aws.SendMessage(env.QueueUrl, "{\"detail-type\": broken");
        await env.Slack.ClickButtonAsync(Bob, prompt.Channel, prompt.Ts, ApprovalMessages.ApproveAction,
            ApprovalMessages.ButtonValue(env.Aws.Executions.Single().Id, "approve"));
        await env.Slack.WaitForMessageAsync(m => m.IsBot && m.ThreadTs == ts && m.Text.StartsWith(":tada:", StringComparison.Ordinal), Wait);
        await logs.WaitForAsync(r => r.EventId == 3007, Wait);
        Assert.That(await daemon.StopAsync(), Is.Zero);
    }

    private static async Task ABadBotTokenAsync(SandboxEnvironment env, FakeLoggerProvider logs)
    {
        await using var daemon = DaemonInstance.Start(env, logs.AddTo, $"--Slack:BotToken={RevokedBotToken}");
        Assert.That(await daemon.Exit.WaitAsync(Wait), Is.EqualTo(2), "a refused bot token is an unrecoverable runtime failure");
    }

    private static async Task ABadAppTokenAsync(SandboxEnvironment env, FakeLoggerProvider logs)
    {
        await using var daemon = DaemonInstance.Start(env, logs.AddTo, $"--Slack:AppToken={WrongAppToken}");
        Assert.That(await daemon.Exit.WaitAsync(Wait), Is.EqualTo(2), "a refused app token is an unrecoverable runtime failure");
    }

    private static async Task<string> CheckConfigOnlineAsync(SandboxEnvironment env, FakeLoggerProvider logs, params string[] overrides)
    {
        using var output = new StringWriter();
        await CheckConfigVerb.RunAsync(DaemonCommandLine.Parse(["check-config", "--online", .. env.DaemonArguments().Skip(1), .. overrides]), services =>
        {
            env.AddAwsCredentials(services);
            logs.AddTo(services);
        }, output);
        return output.ToString();
    }

    /// <summary>The executable at Debug level: its console is what journald would keep.</summary>
    private static async Task<string> ARealProcessAsync(SandboxEnvironment env)
    {
        var connectionsBefore = env.Slack.OpenConnections;
        await using var process = DaemonProcess.Start(env, new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Debug" });
        await env.Slack.WaitForConnectionsAsync(connectionsBefore + 2, TimeSpan.FromSeconds(30));
        var ts = await Say(env, Dave, "run deploy ui r-80.0.0");
        await env.Slack.WaitForMessageAsync(m => m.EphemeralFor == Dave && m.ThreadTs == ts, Wait);
        var release = await Say(env, Alice, "run deploy ui r-80.0.0");
        await env.Slack.WaitForMessageAsync(
            m => m.IsBot && m.ThreadTs == release && m.Blocks?.ToJsonString().Contains(ApprovalMessages.ApproveAction, StringComparison.Ordinal) == true, Wait);
        await process.SigtermAsync();
        Assert.That(await process.WaitForExitAsync(Wait), Is.Zero, process.Output);
        Assert.That(process.Output, Does.Contain("Connected to Slack as deploybot").And.Contain("Refused deploy ui r-80.0.0 from U0DAVE").And.Contain("Started ui r-80.0.0"));
        TestContext.Out.WriteLine($"process console: {process.Output.Length} characters");
        return process.Output;
    }

    private static Task<string> Say(SandboxEnvironment env, string user, string text) =>
        env.Slack.PostUserMessageAsync(DeployChannel, user, $"<@{env.Slack.BotUserId}> {text}");
}
