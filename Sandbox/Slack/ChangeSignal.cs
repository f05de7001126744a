namespace SocketDeployer.Sandbox.Slack;

/// <summary>A pulse that waiters re-check their condition on; never lost between check and wait.</summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Polls <paramref name="condition"/> on every pulse until it holds or the timeout elapses.</summary>
    public async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout, TimeProvider time)
    {
        using var cts = new CancellationTokenSource(timeout, time);
        while (true)
        {
            var next = Next;
            if (condition())
            {
                return true;
            }

            try
            {
                await next.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                return condition();
            }
        }
    }
}
