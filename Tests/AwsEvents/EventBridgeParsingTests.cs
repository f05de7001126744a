using System.Text.Json.Nodes;
using SocketDeployer.Core.Aws.Events;

namespace SocketDeployer.Tests.AwsEvents;

public class EventBridgeParsingTests
{
    private const string SampleExecutionId = "333ba70b-2333-48db-b17e-a5e69c6f4d1c";

    [Test]
    public void StepSample_ParsesEveryField()
    {
        var step = ParseAs<StepStatusChanged>(AwsSamples.Read(AwsSamples.StepEvent));

        Assert.That(step, Is.EqualTo(new StepStatusChanged(
            SampleExecutionId,
            "runcommand1",
            "1",
            "runFixedCmds",
            "aws:runCommand",
            "Success",
            new DateTimeOffset(2024, 11, 29, 19, 43, 23, TimeSpan.Zero),
            new DateTimeOffset(2024, 11, 29, 19, 43, 25, TimeSpan.Zero),
            "eeca120b-a321-433e-9635-dab369006a6b",
            new DateTimeOffset(2024, 11, 29, 19, 43, 35, TimeSpan.Zero))));
    }

    [Test]
    public void ExecutionSample_ParsesEveryField()
    {
        var execution = ParseAs<ExecutionStatusChanged>(AwsSamples.Read(AwsSamples.ExecutionEvent));

        Assert.That(execution, Is.EqualTo(new ExecutionStatusChanged(
            SampleExecutionId,
            "runcommand1",
            "1",
            "Success",
            new DateTimeOffset(2024, 11, 29, 19, 43, 20, TimeSpan.Zero),
            new DateTimeOffset(2024, 11, 29, 19, 43, 26, TimeSpan.Zero),
            "d290ece9-1088-4383-9df6-cd5b4ac42b99",
            new DateTimeOffset(2024, 11, 29, 19, 43, 35, TimeSpan.Zero))));
    }

    [Test]
    public void EverySampleFile_ParsesWithoutThrowing_ToItsKind()
    {
        // The SSM request examples mention an AutomationExecutionId, which is all an undocumented approval
        // notification is known to carry; the daemon confirms approvals with GetAutomationExecution anyway.
        var expected = new Dictionary<string, Type>
        {
            [AwsSamples.StepEvent] = typeof(ParseResult.Parsed),
            [AwsSamples.ExecutionEvent] = typeof(ParseResult.Parsed),
            [AwsSamples.SnsEnvelope] = typeof(ParseResult.Malformed),
            ["eventbridge-rule-pattern-ssm-automation.json"] = typeof(ParseResult.Malformed),
            ["sqs-queue-policy-statement-for-eventbridge.json"] = typeof(ParseResult.Malformed),
            ["sqs-json-error-response.http"] = typeof(ParseResult.Malformed),
            ["ssm-runbook-approve-with-sqs-progress.yaml"] = typeof(ParseResult.Malformed),
            ["ssm-json-request-examples.json"] = typeof(ParseResult.Parsed),
        };
        var files = Directory.GetFiles(AwsSamples.Folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        Assert.That(files.Keys, Is.SupersetOf(expected.Keys));

        Assert.Multiple(() =>
        {
            foreach (var (name, body) in files)
            {
                var result = AutomationEventParser.Parse(body);
                if (expected.TryGetValue(name, out var kind))
                    Assert.That(result, Is.InstanceOf(kind), $"{name}: {result}");
                else
                    Assert.That(result, Is.Not.Null, name);
            }
        });
    }

    [TestCase("1.0", "1")]
    [TestCase("2", "2")]
    [TestCase("\"3\"", "3")]
    [TestCase("1.5", "1.5")]
    [TestCase("\"$LATEST\"", "$LATEST")]
    [TestCase("null", null)]
    [TestCase("\"\"", null)]
    [TestCase("true", null)]
    [TestCase("{\"v\":1}", null)]
    public void DefinitionVersion_IsKeptAsText(string json, string? expected)
    {
        var step = ParseAs<StepStatusChanged>(WithDetail(AwsSamples.StepEvent, detail => detail["DefinitionVersion"] = JsonNode.Parse(json)));

        Assert.That(step.DefinitionVersion, Is.EqualTo(expected));
    }

    [Test]
    public void DefinitionVersion_Absent_IsNull()
    {
        var step = ParseAs<ExecutionStatusChanged>(WithDetail(AwsSamples.ExecutionEvent, detail => detail.Remove("DefinitionVersion")));

        Assert.That(step.DefinitionVersion, Is.Null);
    }

    [TestCase("\"\"")]
    [TestCase("\"null\"")]
    [TestCase("null")]
    [TestCase("\"sometime on Friday\"")]
    [TestCase("\"Nov 31, 2024 7:43:25 PM\"")]
    [TestCase("1732909405")]
    public void UnreadableDetailTimes_AreNull_NotFatal(string json)
    {
        var step = ParseAs<StepStatusChanged>(WithDetail(AwsSamples.StepEvent, detail =>
        {
            detail["StartTime"] = JsonNode.Parse(json);
            detail.Remove("EndTime");
        }));

        Assert.Multiple(() =>
        {
            Assert.That(step.StartTime, Is.Null);
            Assert.That(step.EndTime, Is.Null);
            Assert.That(step.Status, Is.EqualTo("Success"));
        });
    }

    [Test]
    public void UnknownFields_AreIgnored()
    {
        var node = JsonNode.Parse(AwsSamples.Read(AwsSamples.StepEvent))!.AsObject();
        node["replay-name"] = "x";
        node["detail"]!["Inputs"] = new JsonObject { ["deep"] = new JsonArray(1, "two", null, new JsonObject()) };
        node["detail"]!["Time"] = "not a number either";

        Assert.That(ParseAs<StepStatusChanged>(node.ToJsonString()).StepName, Is.EqualTo("runFixedCmds"));
    }

    [Test]
    public void ExecutionEvent_DoesNotNeedStepFields()
    {
        var execution = ParseAs<ExecutionStatusChanged>(WithDetail(AwsSamples.ExecutionEvent, detail =>
        {
            detail["Status"] = "Waiting";
            detail.Remove("StepName");
        }));

        Assert.That(execution.Status, Is.EqualTo("Waiting"));
    }

    [TestCase("source", "aws.ec2")]
    [TestCase("source", "aws.ssm.fake")]
    [TestCase("source", "AWS.SSM")]
    [TestCase("detail-type", "EC2 Command Status-change Notification")]
    [TestCase("detail-type", "Parameter Store Change")]
    [TestCase("detail-type", "EC2 Automation Step Status-change notification")]
    public void OtherSourcesAndDetailTypes_AreIgnored(string member, string value)
    {
        var node = JsonNode.Parse(AwsSamples.Read(AwsSamples.StepEvent))!.AsObject();
        node[member] = value;
        node.Remove("detail");

        Assert.That(AutomationEventParser.Parse(node.ToJsonString()), Is.InstanceOf<ParseResult.Ignored>());
    }

    private static T ParseAs<T>(string body)
        where T : AutomationEvent
    {
        var result = AutomationEventParser.Parse(body);
        Assert.That(result, Is.InstanceOf<ParseResult.Parsed>(), result.ToString());
        var parsed = ((ParseResult.Parsed)result).Event;
        Assert.That(parsed, Is.InstanceOf<T>());
        return (T)parsed;
    }

    internal static string WithDetail(string sample, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(AwsSamples.Read(sample))!.AsObject();
        change(node["detail"]!.AsObject());
        return node.ToJsonString();
    }
}
