namespace SocketDeployer.Tests.Slack;

/// <summary>A clock the test moves by hand; timers and delays still run on real time.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
