using System.Text.Json;
using SocketDeployer.Core.Aws.Events;

namespace SocketDeployer.Tests.AwsEvents;

public class LogLineParsingTests
{
    private const string Id = "4105a4fc-f944-11e6-9d32-0123456789ab";

    [Test]
    public void LogLine_IsParsed()
    {
        var result = AutomationEventParser.Parse($$"""{"socketdeployer":1,"executionId":"{{Id}}","text":"migrations applied"}""");

        Assert.That(result, Is.EqualTo(new ParseResult.Parsed(new LogLine(Id, "migrations applied"))));
    }

    [Test]
    public void LogLine_KeepsNewlinesAndIgnoresUnknownFields()
    {
        var result = AutomationEventParser.Parse($$$"""{"text":"line 1\nline 2\t✓","level":"info","executionId":"{{{Id}}}","socketdeployer":1,"extra":{"a":[1]}}""");

        Assert.That(result, Is.EqualTo(new ParseResult.Parsed(new LogLine(Id, "line 1\nline 2\t✓"))));
    }

    [Test]
    public void HugeText_IsCapped()
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["socketdeployer"] = 1, ["executionId"] = Id, ["text"] = new string('x', 100_000) });

        var line = (LogLine)((ParseResult.Parsed)AutomationEventParser.Parse(body)).Event;

        Assert.That(line.Text, Has.Length.EqualTo(AutomationEventParser.MaxTextLength));
        Assert.That(line.Text, Does.StartWith("xxx").And.EndWith("…"));
    }

    [Test]
    public void CappedText_DoesNotSplitASurrogatePair()
    {
        var text = new string('x', AutomationEventParser.MaxTextLength - 2) + "😀😀😀";
        var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["socketdeployer"] = 1, ["executionId"] = Id, ["text"] = text });

        var line = (LogLine)((ParseResult.Parsed)AutomationEventParser.Parse(body)).Event;

        Assert.That(line.Text, Has.Length.LessThanOrEqualTo(AutomationEventParser.MaxTextLength));
        Assert.That(char.IsHighSurrogate(line.Text[^2]), Is.False, "a lone high surrogate before the ellipsis");
        Assert.That(line.Text, Does.EndWith("…"));
    }

    [TestCase("""{"socketdeployer":2,"executionId":"4105a4fc-f944-11e6-9d32-0123456789ab","text":"t"}""")]
    [TestCase("""{"socketdeployer":"1","executionId":"4105a4fc-f944-11e6-9d32-0123456789ab","text":"t"}""")]
    [TestCase("""{"socketdeployer":1.5,"executionId":"4105a4fc-f944-11e6-9d32-0123456789ab","text":"t"}""")]
    [TestCase("""{"socketdeployer":null,"executionId":"4105a4fc-f944-11e6-9d32-0123456789ab","text":"t"}""")]
    [TestCase("""{"socketdeployer":1,"text":"t"}""")]
    [TestCase("""{"socketdeployer":1,"executionId":42,"text":"t"}""")]
    [TestCase("""{"socketdeployer":1,"executionId":"","text":"t"}""")]
    [TestCase("""{"socketdeployer":1,"executionId":"exec-1","text":"t"}""")]
    [TestCase("""{"socketdeployer":1,"executionId":"4105a4fc-f944-11e6-9d32-0123456789ab"}""")]
    [TestCase("""{"socketdeployer":1,"executionId":"4105a4fc-f944-11e6-9d32-0123456789ab","text":null}""")]
    [TestCase("""{"socketdeployer":1,"executionId":"4105a4fc-f944-11e6-9d32-0123456789ab","text":["t"]}""")]
    [TestCase("""{"socketdeployer":1,"executionId":"4105a4fc-f944-11e6-9d32-0123456789ab","text":"  "}""")]
    [TestCase("""{"socketdeployer":1,"executionId":"4105a4fc-f944-11e6-9d32-0123456789ab","text":"\ud800"}""")]
    public void BadLogLine_IsMalformed(string body) =>
        Assert.That(AutomationEventParser.Parse(body), Is.InstanceOf<ParseResult.Malformed>());
}
