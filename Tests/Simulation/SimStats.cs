namespace SocketDeployer.Tests.Simulation;

/// <summary>How much of the interesting ground the schedules covered (a run that never crashed proves little).</summary>
internal sealed class SimStats
{
    public int Schedules { get; private set; }

    public long Steps { get; private set; }

    public int Crashes { get; private set; }

    public int Redeliveries { get; private set; }

    public int Starts { get; private set; }

    public int Refusals { get; private set; }

    public int Excused { get; private set; }

    /// <summary>Schedules that ended with a lock only the probe's takeover recovered.</summary>
    public int Recovered { get; private set; }

    public void Add(SimWorld world)
    {
        Schedules++;
        Steps += world.Steps;
        Crashes += world.Crashed;
        Recovered += world.LockLeftBeforeProbe ? 1 : 0;
        foreach (var request in world.RequestList)
        {
            Redeliveries += Math.Max(0, request.Finished - 1);
            var answers = world.Cloud.Thread(request.Mention.Channel, request.Mention.ReplyThread);
            Starts += answers.Count(a => a.StartsWith(":rocket:", StringComparison.Ordinal));
            Refusals += answers.Count(a => a.StartsWith(":lock:", StringComparison.Ordinal));
            Excused += request.Finished == 0 && answers.Count == 0 ? 1 : 0;
        }
    }

    public override string ToString() =>
        $"{Steps / Math.Max(1, Schedules)} steps each, {Crashes} crashes, {Redeliveries} redeliveries handled, {Starts} start replies, {Refusals} lock refusals, " +
        $"{Excused} requests unanswered because every delivery crashed, {Recovered} locks recovered by takeover";
}
