using SocketDeployer.Core.Aws.Events;

namespace SocketDeployer.Tests.AwsEvents;

public class SsmEventTimeTests
{
    [TestCase("Nov 29, 2024 7:43:25 PM", "2024-11-29T19:43:25Z")]
    [TestCase("Nov 29, 2024 07:43:25 PM", "2024-11-29T19:43:25Z")]
    [TestCase("Nov 9, 2024 7:43:25 AM", "2024-11-09T07:43:25Z")]
    [TestCase("Nov 09, 2024 7:43:25 AM", "2024-11-09T07:43:25Z")]
    [TestCase("Jan 1, 2025 12:00:00 AM", "2025-01-01T00:00:00Z")]
    [TestCase("Dec 31, 2024 12:05:09 PM", "2024-12-31T12:05:09Z")]
    [TestCase("Feb 29, 2024 11:59:59 PM", "2024-02-29T23:59:59Z")]
    [TestCase("  Nov 29, 2024 7:43:25 PM ", "2024-11-29T19:43:25Z")]
    [TestCase("Nov 29, 2024, 7:43:25\u202FPM", "2024-11-29T19:43:25Z")]
    [TestCase("Nov 29, 2024 7:43:25\u00A0PM", "2024-11-29T19:43:25Z")]
    [TestCase("Nov 29, 2024 19:43:25", "2024-11-29T19:43:25Z")]
    [TestCase("2024-11-29T19:43:25Z", "2024-11-29T19:43:25Z")]
    [TestCase("2024-11-29T21:43:25.5+02:00", "2024-11-29T19:43:25.5Z")]
    public void DetailTime_IsReadAsUtc(string text, string expected)
    {
        var time = SsmEventTime.ParseDetailTime(text);

        Assert.That(time, Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(time!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("null")]
    [TestCase("Nov 31, 2024 7:43:25 PM")]
    [TestCase("Feb 29, 2023 7:43:25 PM")]
    [TestCase("Nov 29, 2024 13:43:25 PM")]
    [TestCase("29/11/2024 19:43:25")]
    [TestCase("Nov 29 2024")]
    [TestCase("Novembre 29, 2024 7:43:25 PM")]
    [TestCase("Nov 29, 2024 7:43:25 PM trailing words that make this far too long to be any time at all")]
    public void UnreadableDetailTime_IsNull(string? text) => Assert.That(SsmEventTime.ParseDetailTime(text), Is.Null);

    [TestCase("2024-11-29T19:43:35Z", "2024-11-29T19:43:35Z")]
    [TestCase("2024-11-29T19:43:35", "2024-11-29T19:43:35Z")]
    [TestCase("2024-11-29T19:43:35.123Z", "2024-11-29T19:43:35.123Z")]
    public void IsoTime_IsRead(string text, string expected) =>
        Assert.That(SsmEventTime.ParseIso(text), Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));

    [TestCase("Nov 29, 2024 7:43:25 PM")]
    [TestCase("2024-11-29")]
    [TestCase("1732909415")]
    [TestCase("2024-13-29T19:43:35Z")]
    public void NonIsoTime_IsNotAnEventTime(string text) => Assert.That(SsmEventTime.ParseIso(text), Is.Null);
}
