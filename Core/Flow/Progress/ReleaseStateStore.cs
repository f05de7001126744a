namespace SocketDeployer.Core.Flow.Progress;

/// <summary>The states of executions this instance follows, bounded: the oldest finished ones go first.</summary>
public sealed class ReleaseStateStore
{
    public const int Capacity = 10_000;

    private readonly Dictionary<string, ReleaseState> states = new(StringComparer.Ordinal);
    private readonly LinkedList<string> order = new();
    private readonly Lock gate = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return states.Count;
            }
        }
    }

    public ReleaseState GetOrAdd(string executionId, out bool created)
    {
        lock (gate)
        {
            if (states.TryGetValue(executionId, out var state))
            {
                created = false;
                return state;
            }

            state = new ReleaseState(executionId);
            states[executionId] = state;
            order.AddLast(executionId);
            Trim();
            created = true;
            return state;
        }
    }

    private void Trim()
    {
        if (states.Count <= Capacity)
        {
            return;
        }

        // Prefer forgetting finished releases; a forgotten running one is rebuilt from SSM on its next event.
        // Look only a little way in, so an insert at capacity stays cheap.
        var victim = order.First;
        var looked = 0;
        for (var node = order.First; node is not null && looked++ < 64; node = node.Next)
        {
            if (states[node.Value].ResultPosted)
            {
                victim = node;
                break;
            }
        }

        states[victim!.Value].Retired = true;
        states.Remove(victim.Value);
        order.Remove(victim);
    }
}
