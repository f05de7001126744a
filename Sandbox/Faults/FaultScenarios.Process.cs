namespace SocketDeployer.Sandbox.Faults;

public static partial class FaultScenarios
{
    /// <summary>The daemon process killed or stopped mid-release.</summary>
    public static IReadOnlyList<FaultScenario> Process { get; } =
    [
        new("process-sigkill-restart", FaultKind.Process, FaultPhase.AfterStart, async c =>
        {
            await c.Daemon.KillAsync();
            await c.Env.Slack.WaitForConnectionsAsync(0, FaultRun.StepTimeout);
            await c.StartAnotherDaemonAsync();
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
}
