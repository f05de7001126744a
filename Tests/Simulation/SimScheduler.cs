namespace SocketDeployer.Tests.Simulation;

/// <summary>
/// The only thing that moves the simulation: every remote call the code under test makes waits here as a pending
/// step, and every continuation an instance posts waits as a ready step, until the world picks it. Everything runs
/// on the caller's thread, so one seed is one interleaving, reproduced exactly.
/// </summary>
internal sealed class SimScheduler(SimTrace trace)
{
    private readonly List<SimStep> ready = [];
    private readonly List<SimStep> pending = [];

    /// <summary>Continuations posted by instances (any order among them is possible on a thread pool).</summary>
    public IReadOnlyList<SimStep> Ready => ready;

    /// <summary>Remote calls whose effect and answer have not happened yet.</summary>
    public IReadOnlyList<SimStep> Pending => pending;

    /// <summary>A remote call: <paramref name="apply"/> is its effect at the moment the world picks it (its
    /// linearisation point); the caller resumes later, as a ready step, unless its instance crashes first.</summary>
    public Task<T> Call<T>(SimInstance owner, string what, Func<T> apply)
    {
        // Asynchronous continuations: the answer reaches the caller as its own ready step, so a crash can fall between.
        var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending.Add(new SimStep(owner, what, () =>
        {
            T result;
            try
            {
                result = apply();
            }
            catch (Exception e) when (e is not SimViolationException)
            {
                trace.Add($"{owner.Name} {what} !! {e.GetType().Name}: {e.Message}");
                answer.SetException(e);
                return;
            }

            if (trace.Enabled)
            {
                trace.Add($"{owner.Name} {what} -> {SimTrace.Show(result)}");
            }

            answer.SetResult(result);
        }));
        return answer.Task;
    }

    /// <summary>Queues a continuation of <paramref name="owner"/>.</summary>
    public void Post(SimInstance owner, string what, Action run) => ready.Add(new SimStep(owner, what, run));

    /// <summary>Runs one step: a pending call's effect (outside any instance), or a ready continuation inside its
    /// instance's context.</summary>
    public void Run(SimStep step)
    {
        SynchronizationContext? context = step.Owner.Context;
        if (!ready.Remove(step))
        {
            context = pending.Remove(step) ? null : throw new InvalidOperationException($"{step.What} is not waiting");
        }

        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            step.Run();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    /// <summary>A crash: the instance's in-flight calls and continuations are gone (never answered, never resumed).</summary>
    public int Drop(SimInstance owner) => ready.RemoveAll(s => s.Owner == owner) + pending.RemoveAll(s => s.Owner == owner);
}

/// <summary>One thing an instance waits for.</summary>
internal sealed record SimStep(SimInstance Owner, string What, Action Run);
