using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>
/// Runs executions as their documents' step lists: timed steps with set outcomes, aws:approve waiting for a signal or its
/// timeout, log messages to the queue, StopAutomationExecution honoured; every step and execution status change goes to
/// the queue as the EventBridge event AWS would deliver.
/// </summary>
internal sealed class AutomationRunner(
    SsmSandbox ssm, SqsSandbox sqs, AwsSandboxOptions options, string? queueUrl, CancellationToken stopping, StepControls? controls = null)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Task> _running = [];

    public Task Completion => Task.WhenAll(_running);

    public void Start(SandboxExecution execution) => _running.Add(Task.Run(() => RunAsync(execution)));

    /// <summary>A signal or stop request arrived: wake the execution's waiter.</summary>
    public void Wake(SandboxExecution execution)
    {
        if (_signals.TryRemove(execution.Id, out var waiter))
            waiter.TrySetResult();
    }

    private TimeProvider Time => options.TimeProvider;

    private async Task RunAsync(SandboxExecution execution)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(execution.Stopping.Token, stopping);
        EmitExecution(execution);
        string final = "Success";
        try
        {
            foreach (var step in execution.Steps)
            {
                cancel.Token.ThrowIfCancellationRequested();
                Update(execution, step, "InProgress");
                var outcome = step.Step.IsApproval ? await ApproveAsync(execution, step, cancel.Token) : await RunStepAsync(execution, step, cancel.Token);
                Update(execution, step, outcome, outcome == "Failed" ? step.FailureMessage ?? step.Step.FailureMessage ?? $"Step {step.Step.Name} failed." : null);
                if (outcome != "Success")
                {
                    final = outcome;
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            if (stopping.IsCancellationRequested)
                return;
            final = "Cancelled";
            if (execution.CurrentStep is { } current)
                Update(execution, current, "Cancelled");
        }

        lock (ssm.Gate)
        {
            execution.Status = final;
            execution.EndTime = Time.GetUtcNow();
            execution.FailureMessage ??= final == "Failed" ? execution.Steps.FirstOrDefault(s => s.Status == "Failed")?.FailureMessage : null;
        }

        EmitExecution(execution);
    }

    private async Task<string> RunStepAsync(SandboxExecution execution, SandboxStepExecution step, CancellationToken cancellationToken)
    {
        string outcome = step.Step.Outcome;
        if (controls is not null)
            outcome = await controls.RunAsync(step, Time, cancellationToken);
        else if (step.Step.Duration > TimeSpan.Zero)
            await Task.Delay(step.Step.Duration, Time, cancellationToken);
        if (step.Step.LogMessage is { } text && queueUrl is not null)
            sqs.Send(queueUrl, new JsonObject { ["socketdeployer"] = 1, ["executionId"] = execution.Id, ["text"] = text }.ToJsonString());
        return outcome;
    }

    private async Task<string> ApproveAsync(SandboxExecution execution, SandboxStepExecution step, CancellationToken cancellationToken)
    {
        var seen = execution.Signals.Count;
        SetExecutionStatus(execution, "Waiting");
        var deadline = Time.GetUtcNow() + step.Step.ApprovalTimeout;
        while (true)
        {
            var waiter = _signals.GetOrAdd(execution.Id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            // A decision from the step controls ends the approval as AWS would after a console action or a timeout.
            var forced = controls?.Decision(step.StepExecutionId);
            if (forced is { IsCompleted: true })
            {
                _signals.TryRemove(execution.Id, out _);
                if (forced.Result == "Success")
                    SetExecutionStatus(execution, "InProgress");
                return forced.Result;
            }

            SandboxSignal? decision;
            lock (ssm.Gate)
                decision = execution.Signals.Skip(seen).FirstOrDefault(s => s.SignalType is "Approve" or "Reject");
            if (decision is not null)
            {
                _signals.TryRemove(execution.Id, out _);
                if (decision.SignalType == "Reject")
                {
                    step.FailureMessage = $"Step {step.Step.Name} was rejected: {string.Join(" ", decision.Comment)}";
                    return "Failed";
                }

                SetExecutionStatus(execution, "InProgress");
                return "Success";
            }

            var left = deadline - Time.GetUtcNow();
            if (left <= TimeSpan.Zero)
                return "TimedOut";
            using var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(waiter.Task, (Task?)forced ?? waiter.Task, Task.Delay(left, Time, sleep.Token));
            await sleep.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private void Update(SandboxExecution execution, SandboxStepExecution step, string status, string? failure = null)
    {
        lock (ssm.Gate)
        {
            var now = Time.GetUtcNow();
            step.Status = status;
            if (status == "InProgress")
                step.StartTime = now;
            else
                step.EndTime = now;
            step.FailureMessage = failure ?? step.FailureMessage;
        }

        Emit(EventBridgeEvents.Step(execution, step, options, Time.GetUtcNow()));
    }

    private void SetExecutionStatus(SandboxExecution execution, string status)
    {
        lock (ssm.Gate)
        {
            // A stop request wins over the runner's own transitions.
            if (execution.Status == "Cancelling")
                return;
            execution.Status = status;
        }

        EmitExecution(execution);
    }

    private void EmitExecution(SandboxExecution execution) => Emit(EventBridgeEvents.Execution(execution, options, Time.GetUtcNow()));

    private void Emit(JsonObject body)
    {
        if (queueUrl is not null)
            sqs.Send(queueUrl, body.ToJsonString());
    }
}
