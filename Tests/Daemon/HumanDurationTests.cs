using Microsoft.Extensions.Logging.Testing;
using SocketDeployer.Core.Slack;
using SocketDeployer.Core.Time;
using SocketDeployer.Daemon.Queue;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Daemon;

public class HumanDurationTests
{
    [TestCase(0, "0 s")]
    [TestCase(972.6159, "0.97 s")]
    [TestCase(250, "0.25 s")]
    [TestCase(1500, "1.5 s")]
    [TestCase(15_000, "15 s")]
    [TestCase(120_000, "2 min")]
    [TestCase(90_000, "1 min 30 s")]
    [TestCase(3_900_000, "1 h 5 min")]
    [TestCase(-5_000, "-5 s")]
    public void ReadsAsPeopleSayIt(double milliseconds, string expected) =>
        Assert.That(new HumanDuration(TimeSpan.FromMilliseconds(milliseconds)).ToString(), Is.EqualTo(expected));

    [Test]
    public void BackoffLogLinesPrintTheDelayReadably()
    {
        var logs = new FakeLoggerProvider();
        SlackApiLog.Retrying(logs.CreateLogger("test"), "auth.test", "HTTP 503", 1, TimeSpan.FromMilliseconds(972.6159));
        QueueLog.ReceiveFailed(logs.CreateLogger("test"), "HttpRequestException: Connection refused", 1, TimeSpan.FromMinutes(2));
        Assert.That(logs.Records.Select(r => r.Message), Is.EqualTo(new[]
        {
            "Slack auth.test failed transiently (HTTP 503); attempt 1 in 0.97 s",
            "ReceiveMessage failed (HttpRequestException: Connection refused; 1 in a row); receiving again in 2 min",
        }));
    }
}
