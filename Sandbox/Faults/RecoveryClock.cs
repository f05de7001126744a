using SocketDeployer.Sandbox.Slack;

namespace SocketDeployer.Sandbox.Faults;

/// <summary>Times a fault's recovery: from injection to the first envelope delivered after it that the daemon acked.</summary>
internal sealed class RecoveryClock(SlackWorkspace slack, TimeProvider time)
{
    private DateTimeOffset? _faultAt;

    public void Start() => _faultAt = time.GetUtcNow();

    /// <summary>The recovery time, waiting up to <paramref name="timeout"/> for the ack; null if not injected or none came.</summary>
    public async Task<TimeSpan?> RecoveryAsync(TimeSpan timeout)
    {
        if (_faultAt is not { } at)
        {
            return null;
        }

        try
        {
            await slack.WaitForAcksAsync(acks => FirstAck(acks, at) is not null, timeout);
        }
        catch (TimeoutException)
        {
            return null;
        }

        return FirstAck(slack.Acks, at) - at;
    }

    private static DateTimeOffset? FirstAck(IReadOnlyList<AckRecord> acks, DateTimeOffset at) =>
        acks.Where(a => a.DeliveredAt >= at && a.AckedAt is not null).Select(a => a.AckedAt).Min();
}
