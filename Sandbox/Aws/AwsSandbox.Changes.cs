using SocketDeployer.Sandbox.Slack;

namespace SocketDeployer.Sandbox.Aws;

public sealed partial class AwsSandbox
{
    private readonly Lock _changedGate = new();
    private ChangeSignal? _changed;

    /// <summary>
    /// Pulses after every call arrives and is answered (executions, tags, signals, items and queues change only through calls) and every
    /// message put on a queue (each of the runner's transitions sends its EventBridge event).
    /// </summary>
    internal ChangeSignal Changed
    {
        get
        {
            lock (_changedGate)
            {
                if (_changed is null)
                {
                    var changed = new ChangeSignal();
                    _endpoint.Received += _ => changed.Pulse();
                    _endpoint.Answered += _ => changed.Pulse();
                    _sqs.Sent += (_, _) => changed.Pulse();
                    _changed = changed;
                }

                return _changed;
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds for the Sandbox's AWS state, re-checking it on every change
    /// (<see cref="Changed"/>), not on a poll interval; false if it still does not hold after <paramref name="timeout"/>.
    /// </summary>
    public Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout) => Changed.WaitUntilAsync(condition, timeout, TimeProvider.System);
}
