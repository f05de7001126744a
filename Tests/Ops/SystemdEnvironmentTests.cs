using SocketDeployer.Daemon.Systemd;

namespace SocketDeployer.Tests.Ops;

public class SystemdEnvironmentTests
{
    private const int Pid = 4242;

    [TestCase("30000000", null, 15_000_000L)]
    [TestCase("30000000", "4242", 15_000_000L)]
    [TestCase("1000", null, 500L)]
    [TestCase("3", null, 1L)]
    public void WatchdogIntervalIsHalfOfWatchdogUsec(string usec, string? pid, long expectedMicroseconds)
    {
        var environment = new SystemdEnvironment("/run/notify", usec, pid, Pid);

        Assert.That(environment.WatchdogInterval, Is.EqualTo(TimeSpan.FromMicroseconds(expectedMicroseconds)));
    }

    [TestCase(null, null)]
    [TestCase("", null)]
    [TestCase("0", null)]
    [TestCase("-30000000", null)]
    [TestCase(" 30000000", null)]
    [TestCase("30s", null)]
    [TestCase("30000000", "4243")]
    [TestCase("30000000", "not-a-pid")]
    public void NoWatchdogWhenUnsetMalformedOrMeantForAnotherProcess(string? usec, string? pid)
    {
        var environment = new SystemdEnvironment("/run/notify", usec, pid, Pid);

        Assert.That(environment.WatchdogInterval, Is.Null);
    }

    [Test]
    public void HugeWatchdogUsecDoesNotOverflow()
    {
        var environment = new SystemdEnvironment("/run/notify", ulong.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), null, Pid);

        Assert.That(environment.WatchdogInterval, Is.GreaterThan(TimeSpan.FromDays(10_000)));
    }

    [Test]
    public void FromProcessUsesTheCurrentProcessId() =>
        Assert.That(SystemdEnvironment.FromProcess().ProcessId, Is.EqualTo(Environment.ProcessId));
}
