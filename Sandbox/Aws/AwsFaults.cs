using System.Collections.Concurrent;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>Errors queued per operation to be answered before the operation runs (after authentication, like a real throttle).</summary>
internal sealed class AwsFaults
{
    private readonly ConcurrentDictionary<string, Queue<AwsSandboxError>> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Queue<(TimeSpan Delay, bool RunAnyway)>> _delays = new(StringComparer.Ordinal);

    public void AddDelay(string operation, TimeSpan delay, bool runAnyway, int times)
    {
        var queue = _delays.GetOrAdd(operation, _ => new Queue<(TimeSpan, bool)>());
        lock (queue)
        {
            for (var i = 0; i < times; i++)
                queue.Enqueue((delay, runAnyway));
        }
    }

    public (TimeSpan Delay, bool RunAnyway)? TakeDelay(string operation)
    {
        if (!_delays.TryGetValue(operation, out var queue))
            return null;
        lock (queue)
            return queue.TryDequeue(out var delay) ? delay : null;
    }

    public void ClearDelays(string operation)
    {
        if (_delays.TryGetValue(operation, out var queue))
        {
            lock (queue)
                queue.Clear();
        }
    }

    public void Add(string operation, AwsSandboxError error, int times)
    {
        var queue = _pending.GetOrAdd(operation, _ => new Queue<AwsSandboxError>());
        lock (queue)
        {
            for (var i = 0; i < times; i++)
                queue.Enqueue(error);
        }
    }

    public AwsSandboxError? Take(string operation)
    {
        if (!_pending.TryGetValue(operation, out var queue))
            return null;
        lock (queue)
            return queue.TryDequeue(out var error) ? error : null;
    }
}
