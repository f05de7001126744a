using System.Runtime.CompilerServices;
using SocketDeployer.Sandbox.Environment;

namespace SocketDeployer.Sandbox.Faults;

/// <summary>Rewrites the automation event stream on its way to the queue: every event sent twice, or sent again late.</summary>
internal sealed class EventTap
{
    private static readonly ConditionalWeakTable<SandboxEnvironment, EventTap> Attached = [];
    private readonly HashSet<string> _copied = new(StringComparer.Ordinal);
    private readonly SandboxEnvironment _env;
    private readonly TimeSpan _lateBy;
    private int _pending;

    private EventTap(SandboxEnvironment env, TimeSpan lateBy)
    {
        _env = env;
        _lateBy = lateBy;
        env.Aws.MessageSent += OnSent;
    }

    /// <summary>Each event is put on the queue a second time <paramref name="lateBy"/> after the first (zero: at once).</summary>
    public static void Attach(SandboxEnvironment env, TimeSpan lateBy) => Attached.GetValue(env, e => new EventTap(e, lateBy));

    /// <summary>Late copies not yet on the queue: a run has not settled while any is still to come.</summary>
    public static int PendingCopies(SandboxEnvironment env) => Attached.TryGetValue(env, out var tap) ? Volatile.Read(ref tap._pending) : 0;

    private void OnSent(string queueUrl, string body)
    {
        lock (_copied)
        {
            if (queueUrl != _env.QueueUrl || !_copied.Add(body))
            {
                return;
            }
        }

        if (_lateBy == TimeSpan.Zero)
        {
            _env.Aws.SendMessage(queueUrl, body);
        }
        else
        {
            // Late by design: newer events of the same execution are handled first, this one arrives stale.
            Interlocked.Increment(ref _pending);
            _ = Task.Delay(_lateBy, TimeProvider.System).ContinueWith(
                _ =>
                {
                    try
                    {
                        _env.Aws.SendMessage(queueUrl, body);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _pending);
                    }
                },
                TaskScheduler.Default);
        }
    }
}
