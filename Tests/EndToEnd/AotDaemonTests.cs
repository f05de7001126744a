using System.Text.Json;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Tests.Ops;
using SocketDeployer.Tests.Support;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

/// <summary>
/// The shipped artifact, the Native AOT binary, for a whole release against the Sandbox: what trimming could break
/// (configuration binding, the options validators, the unknown-key check, JSON, the AWS SDK) is on this path.
/// <c>.ci/run</c> publishes it and names it in SOCKETDEPLOYER_AOT_DAEMON; without that variable these tests are skipped.
/// </summary>
[Category("Aot")]
public class AotDaemonTests
{
    /// <summary>The environment variable naming the published binary (publish/socketdeployer/socketdeployer).</summary>
    public const string Variable = "SOCKETDEPLOYER_AOT_DAEMON";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static string Binary()
    {
        var path = System.Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(path))
        {
            Assert.Ignore($"{Variable} is not set: publish with `dotnet publish Daemon -p:PublishProfile=aot` and name the binary there");
        }

        Assert.That(File.Exists(path), Is.True, $"{Variable}={path} does not exist");
        return path!;
    }

    [Test]
    public async Task TheAotBinaryReleasesAServiceEndToEndUnderMemoryDenyWriteExecute()
    {
        var binary = Binary();
        await using var env = await SandboxEnvironment.StartAsync();
        env.Aws.RunAutomations(env.QueueUrl);
        using var socket = NotifySocketListener.OnPath();
        // As the unit runs it: MemoryDenyWriteExecute=yes (the prctl systemd uses), where python3 can set it.
        var command = MemoryDenyWriteExecute.Launcher(binary) ?? [binary];
        await using var daemon = DaemonProcess.StartCommand(command, env, new Dictionary<string, string> { ["NOTIFY_SOCKET"] = socket.NotifySocket });
        await socket.ReceiveUntilAsync(m => m.Contains("READY=1", StringComparison.Ordinal), () => daemon.Output);

        var ts = await env.Slack.PostUserMessageAsync(DeployChannel, Alice, $"<@{env.Slack.BotUserId}> run deploy app r-99.1.0");
        var prompt = await env.Slack.WaitForMessageAsync(m => m.ThreadTs == ts && m.IsBot && m.Text.Contains("Approval needed", StringComparison.Ordinal), Wait);
        var execution = env.Aws.Executions.Single();
        await env.Slack.ClickButtonAsync(Bob, DeployChannel, prompt.Ts, ApprovalMessages.ApproveAction, ApprovalMessages.ButtonValue(execution.Id, "approve"));
        await env.Slack.WaitForMessageAsync(m => m.ThreadTs == ts && m.Text.StartsWith(":tada:", StringComparison.Ordinal), Wait);
        await env.Slack.WaitForMessageAsync(m => m.IsBot && m.ThreadTs == ts && m.Text.Contains(":white_check_mark: *rollout* succeeded (", StringComparison.Ordinal), Wait);

        await daemon.SigtermAsync();
        await socket.ReceiveUntilAsync(m => m.Contains("STOPPING=1", StringComparison.Ordinal), () => daemon.Output);
        var exit = await daemon.WaitForExitAsync(Wait);

        var audit = File.ReadAllLines(env.AuditLogPath).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, daemon.Output);
            Assert.That(execution.Status, Is.EqualTo("Success"));
            Assert.That(execution.Signals, Has.Count.EqualTo(1), "one Approve signal");
            Assert.That(audit.Select(e => e.GetProperty("event").GetString()), Is.SupersetOf(new[] { "request", "prompt", "approve", "end" }));
            Assert.That(audit[0].TryGetProperty("time", out _), Is.True, "camelCase, as the JIT build writes it");
            Assert.That(audit.Any(e => e.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.Null), Is.False, "nulls are left out");
        });
    }

    [Test]
    public async Task TheAotBinaryNamesEveryBadKeyAsTheJitBuildDoes()
    {
        var binary = Binary();
        var check = await ExecutableRun.RunAsync(binary, [
            "check-config", "--config", Path.Combine(RepoPaths.Root, "appsettings.json"),
            "--Slack:AppToken=xapp-1-A0TEST-1-abc", "--Slack:BotToken=xoxb-1-2-abc",
            "--Deploy:Services:app:RequiredApproval=2", "--Deploy:Gate:Documnet=x", "--Queue:Concurrency=0",
            "--Slack:SocketMode:HelloTimeout=-00:00:05", "--Deploy:Channels:0=nope",
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(check.Code, Is.EqualTo(1), check.Err);
            Assert.That(check.Err, Does.Contain("Deploy:Services:app:RequiredApproval: unknown key (did you mean RequiredApprovals?)")
                .And.Contain("Deploy:Gate:Documnet: unknown key (did you mean Document?)")
                .And.Contain("Queue:Concurrency: must be between 1 and 32.")
                .And.Contain("Slack:SocketMode:HelloTimeout: must be between 0.01 s and 5 min, not -5 s")
                .And.Contain("Deploy:Channels:0: 'nope' is not a channel ID"));
        });
    }

    [Test]
    public async Task MemoryDenyWriteExecuteStopsTheJitBuildButNotTheAotOne()
    {
        var binary = Binary();
        if (MemoryDenyWriteExecute.Launcher(binary) is not { } aot || MemoryDenyWriteExecute.Launcher("/usr/bin/env") is not { } jit)
        {
            Assert.Ignore("python3 is not installed: PR_SET_MDWE cannot be set from here");
            return;
        }

        var native = await ExecutableRun.RunAsync(aot[0], [.. aot[1..], "--version"]);
        if (native.Code == MemoryDenyWriteExecute.Unsupported)
        {
            Assert.Ignore($"this kernel has no PR_SET_MDWE (Linux 6.3+): {native.Err}");
        }

        var managed = await ExecutableRun.RunAsync(jit[0], [.. jit[1..], "dotnet", RepoPaths.DaemonExecutable, "--version"]);
        Assert.Multiple(() =>
        {
            Assert.That(native.Code, Is.Zero, native.Err);
            Assert.That(native.Out, Does.StartWith("socketdeployer "));
            Assert.That(managed.Code, Is.Not.Zero, "the JIT needs pages it can make executable: the unit's setting would stop it");
        });
    }
}
