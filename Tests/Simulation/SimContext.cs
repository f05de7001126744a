namespace SocketDeployer.Tests.Simulation;

/// <summary>
/// An instance's "thread pool": every await of the code under test resumes through here, so the continuation becomes
/// a ready step the scheduler orders. A crashed instance's context drops what is posted to it (a timer firing for a
/// dead process resumes nothing).
/// </summary>
internal sealed class SimContext(SimScheduler scheduler, SimInstance owner) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state)
    {
        if (owner.Alive)
        {
            scheduler.Post(owner, "resume", () => d(state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new InvalidOperationException("the code under test blocked on a synchronous send");

    public override SynchronizationContext CreateCopy() => this;
}
