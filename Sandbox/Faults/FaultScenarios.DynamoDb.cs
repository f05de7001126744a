using System.Globalization;
using SocketDeployer.Core.Policy;
using SocketDeployer.Sandbox.Environment;

namespace SocketDeployer.Sandbox.Faults;

public static partial class FaultScenarios
{
    /// <summary>The lock table throttled, failing, and left holding the lock of a daemon that died before starting.</summary>
    public static IReadOnlyList<FaultScenario> DynamoDb { get; } =
    [
        // The acquire (PutItem) and the record of the execution (UpdateItem) throttled: the SDK's retries ride it out.
        Fail("aws-dynamodb-throttling", FaultPhase.BeforeRequest,
            ("PutItem", "ProvisionedThroughputExceededException", 400, 2), ("UpdateItem", "ThrottlingException", 400, 1)),
        // The release at the execution's end (DeleteItem) answered 500 twice: retried, and the lock is still given back.
        Fail("aws-dynamodb-5xx", FaultPhase.AfterStart, ("DeleteItem", "InternalServerError", 500, 2)),
        new("process-sigkill-holding-lock", FaultKind.Process, FaultPhase.BeforeRequest, KillHoldingTheLockAsync)
        {
            Mode = DaemonMode.Process,
        },
    ];

    /// <summary>
    /// Carol asks first; her daemon takes the lock and is killed while its StartAutomationExecution is held back (so it
    /// never runs). The item is then aged past <see cref="DeployLock.StartGrace"/>, as if the grace had been waited
    /// out: the release that follows, on the restarted daemon, must take the lock over and start exactly one execution.
    /// </summary>
    private static async Task KillHoldingTheLockAsync(FaultContext c)
    {
        var aws = c.Env.Aws;
        var before = aws.Calls.Count;
        // Every attempt held back (the SDK retries one that times out); the killed daemon's never run.
        aws.SlowNext("StartAutomationExecution", FaultRun.StepTimeout, times: 10);
        await c.Env.Slack.PostUserMessageAsync(SandboxPeople.DeployChannel, SandboxPeople.Carol, $"<@{c.Env.Slack.BotUserId}> deploy app r-98.0.0");
        await UntilAsync(c, () => aws.Calls.Skip(before).Any(x => x.Operation == "PutItem" && x.StatusCode == 200)
                                  && aws.Calls.Skip(before).Any(x => x.Operation == "StartAutomationExecution" && x.StatusCode is null));
        await c.Daemon.KillAsync();
        aws.ClearSlow("StartAutomationExecution");
        await c.Env.Slack.WaitForConnectionsAsync(0, FaultRun.StepTimeout);
        await c.StartAnotherDaemonAsync();
        var aged = (c.Time.GetUtcNow() - DeployLock.StartGrace - TimeSpan.FromSeconds(5)).ToString("O", CultureInfo.InvariantCulture);
        if (!aws.SetItemAttribute(SandboxEnvironment.LockTable, "app", "Since", aged))
        {
            throw new InvalidOperationException("The killed daemon left no lock: it died before acquiring it.");
        }
    }
}
