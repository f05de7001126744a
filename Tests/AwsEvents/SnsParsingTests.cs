using System.Text.Json.Nodes;
using SocketDeployer.Core.Aws.Events;

namespace SocketDeployer.Tests.AwsEvents;

public class SnsParsingTests
{
    private const string Id = "4105a4fc-f944-11e6-9d32-0123456789ab";
    private const string Arn = "arn:aws:ssm:us-east-2:123456789012:automation-execution/" + Id;

    [Test]
    public void SampleEnvelope_WithTextNamingNoExecution_IsMalformed()
    {
        var result = AutomationEventParser.Parse(AwsSamples.Read(AwsSamples.SnsEnvelope));

        Assert.That(result, Is.InstanceOf<ParseResult.Malformed>());
        Assert.That(((ParseResult.Malformed)result).Reason, Does.Contain("names no automation execution"));
    }

    [TestCase("Approval required for " + Arn + ". Reply in the console.")]
    [TestCase("Automation Execution Id: " + Id + "\nStep: approve")]
    [TestCase("automation execution id = " + Id)]
    [TestCase("{\"AutomationExecutionId\": \"" + Id + "\", \"StepName\": \"approve\"}")]
    [TestCase("{\"Execution\":{\"Arn\":\"" + Arn + "\"}}")]
    [TestCase("Approve? arn:aws-us-gov:ssm:us-gov-west-1:123456789012:automation-execution/" + Id)]
    public void EnvelopedApprovalNotification_NamesTheExecution(string message)
    {
        var result = AutomationEventParser.Parse(Envelope(message));

        Assert.That(result, Is.EqualTo(new ParseResult.Parsed(new ApprovalRequested(Id, message))));
    }

    [TestCase("Automation Execution Id: " + Id + "\nStep: approve")]
    [TestCase("{\"AutomationExecutionId\":\"" + Id + "\"}")]
    [TestCase("Please approve " + Arn)]
    public void RawApprovalNotification_NamesTheExecution(string body) =>
        Assert.That(AutomationEventParser.Parse(body), Is.EqualTo(new ParseResult.Parsed(new ApprovalRequested(Id, body))));

    [Test]
    public void ArnWins_OverALabelledId()
    {
        const string Other = "11111111-2222-3333-4444-555555555555";
        var result = AutomationEventParser.Parse(Envelope($"AutomationExecutionId: {Other} (parent {Arn})"));

        Assert.That(((ApprovalRequested)((ParseResult.Parsed)result).Event).ExecutionId, Is.EqualTo(Id));
    }

    [Test]
    public void ApprovalText_IsCapped()
    {
        var result = AutomationEventParser.Parse(Envelope(Arn + new string(' ', 10_000) + "end"));

        var approval = (ApprovalRequested)((ParseResult.Parsed)result).Event;
        Assert.That(approval.Message, Has.Length.EqualTo(AutomationEventParser.MaxTextLength));
    }

    [TestCase("AutomationExecutionId: " + Id + "0")]
    [TestCase("AutomationExecutionId: 4105a4fc-f944-11e6-9d32-0123456789")]
    [TestCase("ExecutionId " + Id)]
    [TestCase("arn:aws:ssm:us-east-2:123456789012:automation-definition/deploy:1")]
    [TestCase("arn:aws:ssm:us-east-2:1234:automation-execution/" + Id)]
    [TestCase("{\"AutomationExecutionId\": 42}")]
    [TestCase("{\"AutomationExecutionId\": \"" + Id + "\"")]
    [TestCase("[\"" + Arn + "\"")]
    public void ApprovalText_WithoutAnExecutionId_IsMalformed(string message) =>
        Assert.That(AutomationEventParser.Parse(Envelope(message)), Is.InstanceOf<ParseResult.Malformed>());

    [TestCase(AwsSamples.StepEvent)]
    [TestCase(AwsSamples.ExecutionEvent)]
    public void EnvelopedEventBridgeEvent_ParsesLikeTheRawEvent(string sample)
    {
        var raw = AutomationEventParser.Parse(AwsSamples.Read(sample));

        var wrapped = AutomationEventParser.Parse(Envelope(AwsSamples.Read(sample)));

        Assert.That(raw, Is.InstanceOf<ParseResult.Parsed>());
        Assert.That(wrapped, Is.EqualTo(raw));
    }

    [Test]
    public void EnvelopedLogLine_IsParsed()
    {
        var result = AutomationEventParser.Parse(Envelope($$"""{"socketdeployer":1,"executionId":"{{Id}}","text":"hello"}"""));

        Assert.That(result, Is.EqualTo(new ParseResult.Parsed(new LogLine(Id, "hello"))));
    }

    [Test]
    public void EnvelopedEventFromAnotherSource_IsIgnored()
    {
        var node = JsonNode.Parse(AwsSamples.Read(AwsSamples.StepEvent))!;
        node["source"] = "aws.ec2";

        Assert.That(AutomationEventParser.Parse(Envelope(node.ToJsonString())), Is.InstanceOf<ParseResult.Ignored>());
    }

    [Test]
    public void EnvelopeInsideAnEnvelope_IsMalformed() =>
        Assert.That(AutomationEventParser.Parse(Envelope(Envelope(Arn))), Is.InstanceOf<ParseResult.Malformed>());

    [TestCase("SubscriptionConfirmation")]
    [TestCase("UnsubscribeConfirmation")]
    public void SubscriptionMessages_AreIgnored(string type)
    {
        var node = JsonNode.Parse(Envelope(Arn))!;
        node["Type"] = type;

        Assert.That(AutomationEventParser.Parse(node.ToJsonString()), Is.InstanceOf<ParseResult.Ignored>());
    }

    [TestCase("42")]
    [TestCase("null")]
    [TestCase("{\"AutomationExecutionId\":\"" + Id + "\"}")]
    [TestCase("[\"" + Arn + "\"]")]
    public void EnvelopeWhoseMessageIsNotAString_IsMalformed(string messageJson)
    {
        var node = JsonNode.Parse(AwsSamples.Read(AwsSamples.SnsEnvelope))!;
        node["Message"] = JsonNode.Parse(messageJson);

        Assert.That(AutomationEventParser.Parse(node.ToJsonString()), Is.InstanceOf<ParseResult.Malformed>());
    }

    [Test]
    public void EnvelopeWithoutMessage_IsMalformed()
    {
        var node = JsonNode.Parse(AwsSamples.Read(AwsSamples.SnsEnvelope))!.AsObject();
        node.Remove("Message");

        Assert.That(AutomationEventParser.Parse(node.ToJsonString()), Is.InstanceOf<ParseResult.Malformed>());
    }

    /// <summary>The published sample envelope with its Message replaced.</summary>
    internal static string Envelope(string message)
    {
        var node = JsonNode.Parse(AwsSamples.Read(AwsSamples.SnsEnvelope))!;
        node["Message"] = message;
        return node.ToJsonString();
    }
}
