using System.Collections.Concurrent;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>Errors queued per operation to be answered before the operation runs (after authentication, like a real throttle).</summary>
internal sealed class AwsFaults
{
    private readonly ConcurrentDictionary<string, Queue<AwsSandboxError>> _pending = new(StringComparer.Ordinal);

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
