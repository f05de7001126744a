using Microsoft.Extensions.Logging.Testing;
using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Verbs;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Tests.Support;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.Daemon;

/// <summary>The troubleshooting table of docs/operations.md § 11: each common failure, and the exact line the daemon prints for it.</summary>
public class TroubleshootingTests
{
    private SandboxEnvironment env = null!;

    [SetUp]
    public async Task StartSandbox()
    {
        env = await SandboxEnvironment.StartAsync();
    }

    [TearDown]
    public async Task StopSandbox() => await env.DisposeAsync();

    private async Task<(int Code, string Output)> CheckOnlineAsync(params string[] overrides)
    {
        var args = new List<string> { "check-config", "--online" };
        args.AddRange(env.DaemonArguments().Skip(1));
        args.AddRange(overrides);
        using var output = new StringWriter();
        var code = await CheckConfigVerb.RunAsync(DaemonCommandLine.Parse(args), env.AddAwsCredentials, output);
        return (code, output.ToString());
    }

    [Test]
    public async Task EverythingReachableMeansExitZero()
    {
        var (code, output) = await CheckOnlineAsync();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output);
            Assert.That(output, Does.Contain("✓ Slack bot token (auth.test): bot @deploybot in Sandbox"));
            Assert.That(output, Does.Contain("✓ SSM document Deploy-App v7 (app): Active"));
            Assert.That(output, Does.Contain("All online checks passed."));
        });
    }

    [Test]
    public async Task InvalidAuth()
    {
        var (code, output) = await CheckOnlineAsync("--Slack:BotToken=xoxb-1-2-revoked");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(output, Does.Contain("✗ Slack bot token (auth.test): invalid_auth: Slack rejected the token; reinstall the app and copy the token again"));
            Assert.That(output, Does.Not.Contain("revoked"), "the token itself is never printed");
        });
    }

    [Test]
    public async Task QueueNotFound()
    {
        var (code, output) = await CheckOnlineAsync($"--Aws:QueueUrl={env.Aws.ServiceUrl}123456789012/socketdeployer-typo");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(output, Does.Contain("✗ SQS queue socketdeployer-typo (GetQueueUrl): AWS.SimpleQueueService.NonExistentQueue: queue not found; check Aws:QueueUrl and Aws:Region against the stack's QueueUrl output"));
        });
    }

    [Test]
    public async Task DocumentVersionNotFound()
    {
        var (code, output) = await CheckOnlineAsync("--Deploy:Services:app:DocumentVersion=99");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(output, Does.Contain("✗ SSM document Deploy-App v99 (app): InvalidDocumentVersion: document version not found; check Deploy:Services:*:DocumentVersion"));
        });
    }

    [Test]
    public async Task AccessDenied()
    {
        env.Aws.FailNext("DescribeDocument", "AccessDeniedException", 400, message: "User: arn:aws:sts::123456789012:assumed-role/socketdeployer/i-0abc is not authorized to perform: ssm:DescribeDocument");
        var (code, output) = await CheckOnlineAsync();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(output, Does.Contain("AccessDeniedException: the daemon's AWS identity may not do this; check the instance role from infra/socketdeployer.yaml (User: arn:aws:sts::123456789012:assumed-role/socketdeployer/i-0abc is not authorized to perform: ssm:DescribeDocument)"));
        });
    }

    [Test]
    public async Task NotInChannel()
    {
        env.Slack.AddChannel(DeployChannel, "prod-deployments", botIsMember: false);
        var logs = await DeployAndCaptureAsync();
        var line = await logs.WaitForAsync(r => r.EventId == 3009);
        Assert.That(line.Message, Is.EqualTo("Slack refused chat.postMessage: not_in_channel: invite the bot to the deploy channel (/invite @deploybot)"));
    }

    [Test]
    public async Task MissingScope()
    {
        env.Slack.RevokeScope("chat:write");
        var logs = await DeployAndCaptureAsync();
        var line = await logs.WaitForAsync(r => r.EventId == 3009);
        Assert.That(line.Message, Is.EqualTo("Slack refused chat.postMessage: missing_scope: the app lacks the scope chat:write; add it from infra/slack-app-manifest.yml and reinstall"));
    }

    private async Task<FakeLoggerProvider> DeployAndCaptureAsync()
    {
        var logs = new FakeLoggerProvider();
        var daemon = DaemonInstance.Start(env, logs.AddTo);
        await env.Slack.WaitForConnectionsAsync(2, TimeSpan.FromSeconds(15));
        await env.Slack.PostUserMessageAsync(DeployChannel, Alice, $"<@{env.Slack.BotUserId}> run deploy app r-99.1.0");
        await logs.WaitForAsync(r => r.EventId == 3009);
        await daemon.DisposeAsync();
        return logs;
    }
}
