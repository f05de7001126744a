using SocketDeployer.Daemon.Systemd;

namespace SocketDeployer.Tests.Ops;

[Parallelizable(ParallelScope.All)]
public class SystemdEnvironmentTests
{
    private const int Pid = 4242;

    [TestCase("30000000", null, 15_000_000L)]
    [TestCase("30000000", "4242", 15_000_000L)]
    [TestCase("1000", null, 500L)]
    [TestCase("3", null, 1L)]
    public void WatchdogIntervalIsHalfOfWatchdogUsec(string usec, string? pid, long expectedMicroseconds)
    {
        var environment = new SystemdEnvironment(usec, pid, Pid);

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
        var environment = new SystemdEnvironment(usec, pid, Pid);

        Assert.That(environment.WatchdogInterval, Is.Null);
    }

    [Test]
    public void HugeWatchdogUsecDoesNotOverflow()
    {
        var environment = new SystemdEnvironment(ulong.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), null, Pid);

        Assert.That(environment.WatchdogInterval, Is.GreaterThan(TimeSpan.FromDays(10_000)));
    }

    [Test]
    public void FromProcessUsesTheCurrentProcessId() =>
        Assert.That(SystemdEnvironment.FromProcess().ProcessId, Is.EqualTo(Environment.ProcessId));

    [TestCase(false, null, null, false)]
    [TestCase(false, "", "", false)]
    [TestCase(true, null, null, true)]
    [TestCase(false, "0f1e2d3c4b5a69788796a5b4c3d2e1f0", null, true)]
    [TestCase(false, null, "8:12345", true)]
    public void UsesSystemdsLogFormatWhenThePackageOrTheEnvironmentSaysSo(bool isSystemdService, string? invocationId, string? journalStream, bool expected)
    {
        var environment = new SystemdEnvironment(null, null, Pid, invocationId, journalStream);

        Assert.That(environment.UsesSystemdLogFormat(isSystemdService), Is.EqualTo(expected));
    }
}
