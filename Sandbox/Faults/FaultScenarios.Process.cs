using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Sandbox.Environment;

namespace SocketDeployer.Sandbox.Faults;

public static partial class FaultScenarios
{
    /// <summary>The daemon process killed or stopped mid-release.</summary>
    public static IReadOnlyList<FaultScenario> Process { get; } =
    [
        new("process-sigkill-restart", FaultKind.Process, FaultPhase.AfterStart, async c =>
        {
            // Once the start reply is recorded on the execution: the window before it is its own scenario, below.
            await UntilAsync(c, () => c.ExecutionId is { } id && c.Env.Aws.Execution(id).Tags.ContainsKey(ExecutionTags.StatusTs));
            await KillAndRestartAsync(c);
        })
        {
            Mode = DaemonMode.Process,
        },
        new("process-sigkill-before-status-tag", FaultKind.Process, FaultPhase.BeforeRequest, async c =>
        {
            // The previous release must be fully recorded first, or the held-back call below would be its result tag.
            // And its lock released (that comes after the result tag), or this request is only refused as locked.
            await UntilAsync(c, () => c.Env.Aws.Executions.All(e => !e.IsTerminal || e.Tags.ContainsKey(ExecutionTags.Result))
                && c.Env.ServiceLocks.Count == 0);
            // Killed after the start reply was posted but before its ts was tagged on the execution (AddTagsToResource held back).
            c.Env.Aws.SlowNext("AddTagsToResource", TimeSpan.FromSeconds(5));
            // Only this release's call counts: a call the previous (killed) daemon left unanswered stays pending forever.
            var before = c.Env.Aws.Calls.Count;
            _ = Task.Run(async () =>
            {
                await UntilAsync(c, () => c.Env.Aws.Calls.Skip(before).Any(x => x.Operation == "AddTagsToResource" && x.StatusCode is null));
                await KillAndRestartAsync(c);
            });
        })
        {
            Mode = DaemonMode.Process,
        },
        new("process-sigterm-second-instance", FaultKind.Process, FaultPhase.BeforeApproval, async c =>
        {
            var first = c.Daemon;
            await c.StartAnotherDaemonAsync();
            var code = await first.StopAsync(FaultRun.StepTimeout);
            if (code != 0)
            {
                throw new InvalidOperationException($"SIGTERM: the daemon exited {code}, not 0.");
            }
        })
        {
            Mode = DaemonMode.Process,
        },
    ];

    private static async Task KillAndRestartAsync(FaultContext c)
    {
        await c.Daemon.KillAsync();
        await c.Env.Slack.WaitForConnectionsAsync(0, FaultRun.StepTimeout);
        await c.StartAnotherDaemonAsync();
    }

    // Re-checked on each AWS call the Sandbox receives or answers and each event it queues: every condition above
    // changes only through those. Past the step timeout it goes on, and the invariants report what did not happen.
    private static Task UntilAsync(FaultContext c, Func<bool> condition) => c.Env.Aws.Changed.WaitUntilAsync(condition, FaultRun.StepTimeout, c.Time);
}
