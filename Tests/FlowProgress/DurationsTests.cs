using SocketDeployer.Core.Flow.Progress;

namespace SocketDeployer.Tests.FlowProgress;

public class DurationsTests
{
    [TestCase(0, "0s")]
    [TestCase(12.9, "12s")]
    [TestCase(59, "59s")]
    [TestCase(60, "1m 00s")]
    [TestCase(843, "14m 03s")]
    [TestCase(3599, "59m 59s")]
    [TestCase(3720, "1h 02m")]
    [TestCase(90000, "25h 00m")]
    public void FormatsAsPeopleRead(double seconds, string expected) =>
        Assert.That(Durations.Format(TimeSpan.FromSeconds(seconds)), Is.EqualTo(expected));

    [Test]
    public void ANegativeDurationReadsAsZero() => Assert.That(Durations.Format(TimeSpan.FromSeconds(-5)), Is.EqualTo("0s"));

    [Test]
    public void BetweenNeedsBothEnds()
    {
        var start = new DateTimeOffset(2024, 11, 29, 19, 43, 25, TimeSpan.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(Durations.Between(start, start.AddSeconds(75)), Is.EqualTo("1m 15s"));
            Assert.That(Durations.Between(start, null), Is.Null);
            Assert.That(Durations.Between(null, start), Is.Null);
        });
    }
}
