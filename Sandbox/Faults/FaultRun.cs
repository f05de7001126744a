using System.Globalization;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;

namespace SocketDeployer.Sandbox.Faults;

/// <summary>
/// Runs whole releases (request, prompt, approval by Bob, result) through one fault, against a fresh Sandbox with the
/// automation runner on, then checks <see cref="ReleaseInvariants"/>.
/// </summary>
public sealed class FaultRun(FaultScenario scenario, int releases, TimeProvider? time = null)
{
    /// <summary>Socket Mode connections the daemon opens (the shipped catalog's <c>Slack:Connections</c>).</summary>
    public const int Connections = 2;

    /// <summary>Longest wait for one step of a release.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(40);

    /// <summary>Configuration the daemon runs with: shorter AWS call timeouts and visibility, so faults heal quickly.</summary>
    public static readonly IReadOnlyList<string> DaemonArguments =
    [
        "--Aws:CallTimeout=00:00:02",
        "--Queue:VisibilityTimeout=00:00:10",
        "--Logging:LogLevel:Default=Warning",
    ];

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Runs the releases and checks the invariants; never throws for a release that fails (it is reported).</summary>
    public async Task<FaultRunResult> RunAsync()
    {
        await using var env = await SandboxEnvironment.StartAsync();
        env.Aws.RunAutomations(env.QueueUrl);
        var daemons = new List<IFaultDaemon>();
        var context = new FaultContext(env, _time, daemons, () => StartDaemon(env));
        try
        {
            daemons.Add(StartDaemon(env));
            try
            {
                await env.Slack.WaitForConnectionsAsync(Connections, StepTimeout);
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"{e.Message} The daemon said:\n{daemons[0].Output}", e);
            }

            var baseline = scenario.Mode == DaemonMode.InProcess ? HeapAfterCollect() : 0;
            var records = new List<ReleaseRecord>();
            for (var i = 0; i < releases; i++)
            {
                var record = await RunReleaseAsync(context, string.Create(CultureInfo.InvariantCulture, $"r-99.{i + 1}.0"));
                records.Add(record);
                if (record.Failure is not null)
                {
                    // A stuck release holds the deploy lock: the rest would only be refused.
                    break;
                }
            }

            foreach (var heal in context.Heals)
            {
                await heal();
            }

            await SettleAsync(env);
            (long Baseline, long After)? memory = scenario.Mode == DaemonMode.InProcess ? (baseline, HeapAfterCollect()) : null;
            var invariants = new ReleaseInvariants(env, scenario).Check(records, daemons.SelectMany(d => d.Errors).ToList(), memory);
            return new FaultRunResult(scenario, releases, records, invariants);
        }
        finally
        {
            foreach (var daemon in daemons)
            {
                if (!daemon.HasExited)
                {
                    await daemon.StopAsync(StepTimeout);
                }

                await daemon.DisposeAsync();
            }
        }
    }

    // Errors are read from the console of a process and from a logger provider in this one, whose console stays quiet.
    private IFaultDaemon StartDaemon(SandboxEnvironment env) => scenario.Mode == DaemonMode.InProcess
        ? InProcessFaultDaemon.Start(env, [.. DaemonArguments, "--Logging:Console:LogLevel:Default=None"])
        : ProcessFaultDaemon.Start(env, [.. DaemonArguments, "--Logging:Console:LogLevel:Default=Error"]);

    private async Task<ReleaseRecord> RunReleaseAsync(FaultContext context, string version)
    {
        var slack = context.Env.Slack;
        context.ThreadTs = null;
        context.ExecutionId = null;
        var clock = new RecoveryClock(slack, _time);
        string ts = "";
        try
        {
            if (scenario.Phase == FaultPhase.BeforeRequest)
            {
                await InjectAsync(context, clock, postHelp: false);
            }

            ts = await slack.PostUserMessageAsync(SandboxPeople.DeployChannel, SandboxPeople.Alice, $"<@{slack.BotUserId}> run deploy app {version}");
            context.ThreadTs = ts;
            await slack.WaitForMessageAsync(m => m.IsBot && m.ThreadTs == ts && m.EphemeralFor is null, StepTimeout);
            context.ExecutionId = ExecutionOf(context.Env, ts);
            if (scenario.Phase == FaultPhase.AfterStart)
            {
                await InjectAsync(context, clock, postHelp: true);
            }

            var prompt = await slack.WaitForMessageAsync(m => m.IsBot && m.ThreadTs == ts && IsPrompt(m), StepTimeout);
            context.ExecutionId ??= ExecutionOf(context.Env, ts);
            if (scenario.Phase == FaultPhase.BeforeApproval)
            {
                await InjectAsync(context, clock, postHelp: true);
            }

            await slack.ClickButtonAsync(SandboxPeople.Bob, prompt.Channel, prompt.Ts, ApprovalMessages.ApproveAction,
                ApprovalMessages.ButtonValue(context.ExecutionId ?? ExecutionOf(context.Env, ts) ?? "", "approve"));
            await slack.WaitForMessageAsync(m => m.IsBot && m.ThreadTs == ts && m.Text.StartsWith(":tada:", StringComparison.Ordinal), StepTimeout);
            return new ReleaseRecord(ts, version, context.ExecutionId, await clock.RecoveryAsync(StepTimeout), null);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            return new ReleaseRecord(ts, version, context.ExecutionId, await clock.RecoveryAsync(TimeSpan.Zero), e.Message.Split('\n')[0]);
        }
    }

    private async Task InjectAsync(FaultContext context, RecoveryClock clock, bool postHelp)
    {
        clock.Start();
        await scenario.InjectAsync(context);
        if (postHelp)
        {
            await context.Env.Slack.PostUserMessageAsync(SandboxPeople.DeployChannel, SandboxPeople.Dave, $"<@{context.Env.Slack.BotUserId}> help");
        }
    }

    /// <summary>Lets the queue drain (late copies of events included) and the connections come back before the invariants are read.</summary>
    private async Task SettleAsync(SandboxEnvironment env)
    {
        var deadline = _time.GetUtcNow() + StepTimeout;
        while (_time.GetUtcNow() < deadline && (env.Aws.Messages(env.QueueUrl).Count > 0 || EventTap.PendingCopies(env) > 0 || env.Slack.OpenConnections != Connections))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), _time);
        }
    }

    internal static bool IsPrompt(SlackMessageRecord m) =>
        m.Blocks?.ToJsonString().Contains(ApprovalMessages.ApproveAction, StringComparison.Ordinal) == true
        || m.Text.StartsWith(":raised_hand:", StringComparison.Ordinal);

    internal static string? ExecutionOf(SandboxEnvironment env, string ts) =>
        env.Aws.Executions.FirstOrDefault(e => e.Tags.TryGetValue(ExecutionTags.Thread, out var thread) && thread == $"{SandboxPeople.DeployChannel}/{ts}")?.Id;

    private static long HeapAfterCollect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
