using Microsoft.Extensions.Logging.Testing;
using SocketDeployer.Sandbox.Aws;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.EndToEnd;

/// <summary>Each test gets its own Sandbox (Slack + AWS on loopback) and the real daemon connected to it.</summary>
public abstract class SandboxTest
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    protected SandboxEnvironment Env { get; private set; } = null!;

    protected DaemonInstance Daemon { get; private set; } = null!;

    protected FakeLoggerProvider Logs { get; private set; } = null!;

    protected SlackWorkspace Slack => Env.Slack;

    protected string BotMention => $"<@{Slack.BotUserId}>";

    /// <summary>Whether the Sandbox runs the documents' steps and sends their EventBridge events to the queue.</summary>
    protected virtual bool RunAutomations => false;

    /// <summary>The Sandbox AWS's behaviour for this fixture (page sizes, clock); its defaults when null.</summary>
    protected virtual AwsSandboxOptions? AwsOptions => null;

    /// <summary>Configuration overrides for this fixture's daemon (<c>--Section:Key=value</c>).</summary>
    protected virtual string[] DaemonArguments => [];

    [SetUp]
    public async Task StartSandboxAndDaemon()
    {
        Env = await SandboxEnvironment.StartAsync(awsOptions: AwsOptions);
        if (RunAutomations)
        {
            Env.Aws.RunAutomations(Env.QueueUrl);
        }

        Logs = new FakeLoggerProvider();
        Daemon = DaemonInstance.Start(Env, Logs.AddTo, DaemonArguments);
        await Task.WhenAny(Slack.WaitForConnectionsAsync(2, Wait), Daemon.Exit);
        Assert.That(Daemon.Exit.IsCompleted, Is.False, () => "The daemon stopped at start:\n" + string.Join('\n', Logs.Records));
    }

    [TearDown]
    public async Task StopDaemonAndSandbox()
    {
        if (Daemon is not null)
        {
            var code = await Daemon.StopAsync();
            await Daemon.DisposeAsync();
            Assert.That(code, Is.Zero, "a clean stop exits 0");
        }

        if (Env is not null)
        {
            await Env.DisposeAsync();
        }

        Logs?.Dispose();
    }

    /// <summary>Awaits a condition on the Sandbox's state or the audit log, re-checked on each change (fails the test after <see cref="Wait"/>).</summary>
    protected Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    protected Task WaitUntilAsync(Func<Task<bool>> condition) => SandboxChanges.WaitUntilAsync(Env, condition, Wait);

    /// <summary>The person posts; returns the message ts (the thread the bot answers in).</summary>
    protected Task<string> Say(string user, string text, string channel = SandboxPeople.DeployChannel, string? threadTs = null) =>
        Slack.PostUserMessageAsync(channel, user, $"{BotMention} {text}", threadTs);

    protected Task<SlackMessageRecord> BotReplyIn(string threadTs, Func<SlackMessageRecord, bool>? also = null) =>
        Slack.WaitForMessageAsync(m => m.IsBot && m.ThreadTs == threadTs && m.EphemeralFor is null && (also?.Invoke(m) ?? true), Wait);

    protected Task<SlackMessageRecord> EphemeralTo(string user, string threadTs) =>
        Slack.WaitForMessageAsync(m => m.EphemeralFor == user && m.ThreadTs == threadTs, Wait);

    protected IReadOnlyList<SlackMessageRecord> BotMessagesIn(string threadTs, string channel = SandboxPeople.DeployChannel) =>
        [.. Slack.Thread(channel, threadTs).Where(m => m.IsBot)];

    protected async Task<string[]> AuditLinesAsync()
    {
        if (!File.Exists(Env.AuditLogPath))
        {
            return [];
        }

        using var reader = new StreamReader(new FileStream(Env.AuditLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
