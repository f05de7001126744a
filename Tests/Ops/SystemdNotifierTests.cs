using Microsoft.Extensions.Logging.Abstractions;
using SocketDeployer.Daemon.Systemd;

namespace SocketDeployer.Tests.Ops;

public class SystemdNotifierTests
{
    internal static SystemdNotifier NotifierFor(string? notifySocket, string? watchdogUsec = null) =>
        new(new SystemdEnvironment(notifySocket, watchdogUsec, null, Environment.ProcessId), NullLogger<SystemdNotifier>.Instance);

    [TestCase("path")]
    [TestCase("abstract")]
    public async Task SendsEachNotificationAsOneDatagram(string kind)
    {
        using var listener = kind == "path" ? NotifySocketListener.OnPath() : NotifySocketListener.Abstract();
        using var notifier = NotifierFor(listener.NotifySocket);

        Assert.That(notifier.IsEnabled, Is.True);
        Assert.That(notifier.Ready(), Is.True);
        Assert.That(await listener.ReceiveAsync(), Is.EqualTo("READY=1"));
        Assert.That(notifier.Status("2 connections; queue polled"), Is.True);
        Assert.That(await listener.ReceiveAsync(), Is.EqualTo("STATUS=2 connections; queue polled"));
        Assert.That(notifier.Watchdog(), Is.True);
        Assert.That(await listener.ReceiveAsync(), Is.EqualTo("WATCHDOG=1"));
        Assert.That(notifier.Stopping(), Is.True);
        Assert.That(await listener.ReceiveAsync(), Is.EqualTo("STOPPING=1"));
    }

    [Test]
    public async Task StatusStaysOneLineSoItCannotInjectOtherAssignments()
    {
        using var listener = NotifySocketListener.OnPath();
        using var notifier = NotifierFor(listener.NotifySocket);

        notifier.Status("stalled\nREADY=1\r\nWATCHDOG=trigger");

        Assert.That(await listener.ReceiveAsync(), Is.EqualTo("STATUS=stalled READY=1 WATCHDOG=trigger"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("relative/notify")]
    [TestCase("@")]
    [TestCase("vsock:2:1234")]
    public void IsANoOpWithoutAUsableNotifySocket(string? notifySocket)
    {
        using var notifier = NotifierFor(notifySocket);

        Assert.Multiple(() =>
        {
            Assert.That(notifier.IsEnabled, Is.False);
            Assert.That(notifier.Ready(), Is.False);
            Assert.That(notifier.Status("x"), Is.False);
            Assert.That(notifier.Watchdog(), Is.False);
            Assert.That(notifier.Stopping(), Is.False);
        });
    }

    [Test]
    public void NeverThrowsWhenNobodyListens()
    {
        var path = Path.Combine(Path.GetTempPath(), "sdnotify-missing-" + Guid.NewGuid().ToString("N"));
        using var notifier = NotifierFor(path);

        Assert.That(notifier.IsEnabled, Is.True);
        Assert.That(notifier.Ready(), Is.False);
    }

    [Test]
    public void NeverThrowsAfterDispose()
    {
        using var listener = NotifySocketListener.OnPath();
        var notifier = NotifierFor(listener.NotifySocket);
        notifier.Dispose();

        Assert.That(notifier.Watchdog(), Is.False);
    }

    [Test]
    public void ExposesTheWatchdogInterval()
    {
        using var notifier = NotifierFor("/run/notify", "30000000");

        Assert.That(notifier.WatchdogInterval, Is.EqualTo(TimeSpan.FromSeconds(15)));
    }

    [Test]
    public async Task ConcurrentCallersEachGetTheirDatagramThrough()
    {
        const int Senders = 8;
        const int PerSender = 50;
        using var listener = NotifySocketListener.OnPath();
        using var notifier = NotifierFor(listener.NotifySocket);
        var receiving = Task.Run(async () =>
        {
            var received = new List<string>();
            for (var i = 0; i < Senders * PerSender; i++)
            {
                received.Add(await listener.ReceiveAsync());
            }

            return received;
        });

        // Dedicated threads: a full socket queue blocks SendTo, and blocked pool threads would starve the receiver.
        var results = await Task.WhenAll(Enumerable.Range(0, Senders).Select(sender => Task.Factory.StartNew(
            () => Enumerable.Range(0, PerSender).Count(i => notifier.Status($"{sender}/{i}")),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)));
        var received = await receiving;

        Assert.That(results, Is.All.EqualTo(PerSender));
        Assert.That(received, Is.Unique.And.Count.EqualTo(Senders * PerSender));
    }
}
