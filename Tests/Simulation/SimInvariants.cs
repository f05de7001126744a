using SocketDeployer.Core.Policy.Locks;

namespace SocketDeployer.Tests.Simulation;

/// <summary>
/// What must hold once a schedule has run out of things to do (no double start is checked at every start, inside
/// the simulated SSM):
/// <list type="bullet">
/// <item>Answered: every request with at least one delivery whose handling ran to its end has a reply in its thread
/// (started, the lock message, or a failed start). Excused only: a request all of whose deliveries were handled by
/// instance lives that crashed before the handling ended (a crash before the answer, and no redelivery that ran).</item>
/// <item>No lock left behind: every execution has ended; a later request (after StartGrace, on a fresh instance)
/// starts, and once its execution ends and its event is handled the table is empty. A lock the terminal event missed
/// is thus recovered by the protocol itself (takeover), never by hand.</item>
/// </list>
/// </summary>
internal static class SimInvariants
{
    public static void RequestersAnswered(SimWorld world)
    {
        foreach (var request in world.RequestList)
        {
            var answers = world.Cloud.Thread(request.Mention.Channel, request.Mention.ReplyThread);
            if (request.Finished > 0 && answers.Count == 0)
            {
                throw new SimViolationException($"{request} was never answered, though {request.Finished} of its {request.Delivered} deliveries were handled to the end");
            }
        }
    }

    public static void EveryExecutionEnded(SimWorld world)
    {
        if (world.Cloud.Executions.FirstOrDefault(e => e.Running) is { } running)
        {
            throw new SimViolationException($"{running} still runs at the end of the schedule");
        }
    }

    /// <summary>After <see cref="SimWorld.Probe"/>: the probe started, and its end left the table empty.</summary>
    public static void ProbeStartedAndReleased(SimWorld world, SimRequest probe, IReadOnlyList<string> answers)
    {
        if (answers.Count != 1 || !answers[0].StartsWith(":rocket:", StringComparison.Ordinal))
        {
            throw new SimViolationException($"a later request was not started: {string.Join(" | ", answers)}");
        }

        if (world.Cloud.Locks.Values.FirstOrDefault() is { } left)
        {
            throw new SimViolationException($"a lock is left after {probe}'s execution ended and its event was handled: {SimLockStore.Who(left)}");
        }
    }
}
