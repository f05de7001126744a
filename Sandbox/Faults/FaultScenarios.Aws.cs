namespace SocketDeployer.Sandbox.Faults;

public static partial class FaultScenarios
{
    /// <summary>SSM and SQS faults, and what the event stream does wrong.</summary>
    public static IReadOnlyList<FaultScenario> Aws { get; } =
    [
        Fail("aws-ssm-throttling", FaultPhase.BeforeRequest, ("StartAutomationExecution", "ThrottlingException", 400, 2), ("DescribeAutomationExecutions", "ThrottlingException", 400, 1)),
        Fail("aws-ssm-5xx", FaultPhase.BeforeApproval, ("SendAutomationSignal", "InternalServerError", 500, 2), ("GetAutomationExecution", "InternalServerError", 500, 1)),
        Fail("aws-sqs-throttling", FaultPhase.AfterStart, ("ReceiveMessage", "RequestThrottled", 400, 2), ("DeleteMessageBatch", "RequestThrottled", 400, 1)),
        Fail("aws-sqs-5xx", FaultPhase.AfterStart, ("ReceiveMessage", "InternalError", 500, 2), ("DeleteMessageBatch", "InternalError", 500, 1)),
        new("aws-ssm-timeout", FaultKind.Aws, FaultPhase.BeforeApproval, c =>
        {
            // Past the 2 s Aws:CallTimeout; the held-back call is never run.
            c.Env.Aws.SlowNext("SendAutomationSignal", TimeSpan.FromSeconds(4));
            return Task.CompletedTask;
        }),
        new("aws-ssm-answer-lost", FaultKind.Aws, FaultPhase.BeforeRequest, c =>
        {
            // The start runs but its answer comes after the timeout: the retry reuses the ClientToken.
            c.Env.Aws.SlowNext("StartAutomationExecution", TimeSpan.FromSeconds(3), runAnyway: true);
            return Task.CompletedTask;
        }),
        new("aws-sqs-timeout", FaultKind.Aws, FaultPhase.AfterStart, c =>
        {
            c.Env.Aws.SlowNext("DeleteMessageBatch", TimeSpan.FromSeconds(4));
            return Task.CompletedTask;
        })
        {
            // A delete that timed out is logged (QueueLog 4014) and its messages handled again: the fault, explained.
            Explains = e => e.EventId == 4014 && e.ExceptionType == nameof(TimeoutException),
        },
        new("aws-idempotent-mismatch", FaultKind.Aws, FaultPhase.BeforeRequest, c =>
        {
            // The start runs, its answer is lost, and AWS answers the retry with IdempotentParameterMismatch.
            c.Env.Aws.SlowNext("StartAutomationExecution", TimeSpan.FromSeconds(3), runAnyway: true);
            var before = c.Env.Aws.Calls.Count(x => x.Operation == "StartAutomationExecution");
            _ = ArmAfterAsync(c, before, () => c.Env.Aws.FailNext("StartAutomationExecution", "IdempotentParameterMismatch", 400));
            return Task.CompletedTask;
        })
        {
        },
        new("aws-invalid-signal", FaultKind.Aws, FaultPhase.BeforeApproval, c =>
        {
            // The signal lands but its answer is lost: the retry meets a step no longer waiting (InvalidAutomationSignalException).
            c.Env.Aws.SlowNext("SendAutomationSignal", TimeSpan.FromSeconds(3), runAnyway: true);
            return Task.CompletedTask;
        }),
        new("aws-expired-receipt", FaultKind.Aws, FaultPhase.AfterStart, ExpireReceiptsAsync),
        new("aws-events-duplicated", FaultKind.Aws, FaultPhase.BeforeRequest, c =>
        {
            EventTap.Attach(c.Env, TimeSpan.Zero);
            return Task.CompletedTask;
        }),
        new("aws-events-reordered", FaultKind.Aws, FaultPhase.BeforeRequest, c =>
        {
            EventTap.Attach(c.Env, TimeSpan.FromMilliseconds(600));
            return Task.CompletedTask;
        }),
    ];

    private static FaultScenario Fail(string name, FaultPhase phase, params (string Operation, string Code, int Status, int Times)[] faults) =>
        new(name, FaultKind.Aws, phase, c =>
        {
            foreach (var (operation, code, status, times) in faults)
            {
                c.Env.Aws.FailNext(operation, code, status, times);
            }

            return Task.CompletedTask;
        });

    private static async Task ArmAfterAsync(FaultContext c, int before, Action arm)
    {
        await UntilAsync(c, () => c.Env.Aws.Calls.Count(x => x.Operation == "StartAutomationExecution") > before);
        arm();
    }

    /// <summary>For a few seconds every message the daemon holds becomes visible again: its receipt handles go stale.</summary>
    private static Task ExpireReceiptsAsync(FaultContext c)
    {
        _ = Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                c.Env.Aws.ExpireInFlight(c.Env.QueueUrl);
                await Task.Delay(TimeSpan.FromMilliseconds(150), c.Time);
            }
        });
        return Task.CompletedTask;
    }
}
