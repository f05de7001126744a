using System.Collections.Concurrent;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>
/// A person's hand on the automation runner (the Sandbox web page's AWS panel): how long steps take, and per step
/// execution a decision (Success, Failed, TimedOut) that ends it now, or a hold that keeps it running until one comes.
/// </summary>
public sealed class StepControls
{
    private readonly ConcurrentDictionary<string, StepGate> _gates = new(StringComparer.Ordinal);
    private TimeSpan? _stepTime;

    /// <param name="stepTime">How long a non-approval step runs on its own; null: each waits for a decision.</param>
    public StepControls(TimeSpan? stepTime) => _stepTime = stepTime;

    /// <summary>Raised after a hold, a decision or a pace change.</summary>
    public event Action? Changed;

    /// <summary>How long a non-approval step runs on its own before it succeeds; null: until a decision.</summary>
    public TimeSpan? StepTime
    {
        get => _stepTime;
        set
        {
            _stepTime = value;
            Changed?.Invoke();
        }
    }

    /// <summary>Whether the step is held (runs until a decision).</summary>
    public bool IsHeld(string stepExecutionId) => _gates.TryGetValue(stepExecutionId, out var gate) && gate.Held;

    /// <summary>Keeps the step running past its time until <see cref="Decide"/>.</summary>
    public void Hold(string stepExecutionId)
    {
        Gate(stepExecutionId).Held = true;
        Changed?.Invoke();
    }

    /// <summary>Ends the step now with <paramref name="outcome"/> (Success, Failed or TimedOut); false when it had one already.</summary>
    public bool Decide(string stepExecutionId, string outcome)
    {
        if (outcome is not ("Success" or "Failed" or "TimedOut"))
            throw new ArgumentException($"A step cannot end as {outcome}.", nameof(outcome));
        var decided = Gate(stepExecutionId).Decision.TrySetResult(outcome);
        Changed?.Invoke();
        return decided;
    }

    /// <summary>Completes with the step's decision.</summary>
    internal Task<string> Decision(string stepExecutionId) => Gate(stepExecutionId).Decision.Task;

    /// <summary>How a non-approval step ends: after its time with its document outcome, or by a decision.</summary>
    internal async Task<string> RunAsync(SandboxStepExecution step, TimeProvider time, CancellationToken cancellationToken)
    {
        var gate = Gate(step.StepExecutionId);
        if (StepTime is { } run && !gate.Held)
        {
            using var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(gate.Decision.Task, Task.Delay(run, time, sleep.Token));
            await sleep.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (!gate.Decision.Task.IsCompleted && (gate.Held || StepTime is null))
            return await gate.Decision.Task.WaitAsync(cancellationToken);
        return gate.Decision.Task.IsCompleted ? gate.Decision.Task.Result : step.Step.Outcome;
    }

    private StepGate Gate(string stepExecutionId) => _gates.GetOrAdd(stepExecutionId, _ => new StepGate());

    private sealed class StepGate
    {
        public volatile bool Held;

        public TaskCompletionSource<string> Decision { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
