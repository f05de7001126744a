using System.Text.Json;
using SocketDeployer.Core.Aws;

namespace SocketDeployer.Tests.Aws;

/// <summary>What the SSM client sends has the member names and JSON types of the documented request examples.</summary>
public class SsmRequestShapeTests : AwsSandboxFixture
{
    private static JsonDocument _examples = null!;
    private string _executionId = "";

    [OneTimeSetUp]
    public async Task StartOneExecution()
    {
        _examples = JsonDocument.Parse(AwsSamples.Read("aws", "ssm-json-request-examples.json"));
        Sandbox.RegisterDocument("deploy-service", "3", [new("approve", "aws:approve")]);
        _executionId = await NewSsm().StartAutomationExecutionAsync(SsmSandboxTests.Request("deploy-service", null, "3"), CancellationToken.None);
        Sandbox.SetStatus(_executionId, "Waiting");
        var ssm = NewSsm();
        await ssm.SendAutomationSignalAsync(_executionId, "Approve", "approved by @alice in Slack", CancellationToken.None);
        await ssm.GetAutomationExecutionAsync(_executionId, CancellationToken.None);
        await ssm.DescribeAutomationExecutionsAsync("deploy-service", ["InProgress", "Waiting"], CancellationToken.None);
        await ssm.AddTagsAsync(_executionId, new Dictionary<string, string> { ["slack-ts"] = "1700000000.123456" }, CancellationToken.None);
        await ssm.ListTagsAsync(_executionId, CancellationToken.None);
        await ssm.StopAutomationExecutionAsync(_executionId, CancellationToken.None);
    }

    [OneTimeTearDown]
    public void DisposeExamples() => _examples.Dispose();

    // Mode is optional and defaults to Auto, so the client leaves it out.
    [TestCase("StartAutomationExecution", "AmazonSSM.StartAutomationExecution", "Mode")]
    [TestCase("SendAutomationSignal", "AmazonSSM.SendAutomationSignal#approve", "")]
    [TestCase("GetAutomationExecution", "AmazonSSM.GetAutomationExecution", "")]
    [TestCase("StopAutomationExecution", "AmazonSSM.StopAutomationExecution", "")]
    [TestCase("DescribeAutomationExecutions", "AmazonSSM.DescribeAutomationExecutions", "")]
    [TestCase("AddTagsToResource", "AmazonSSM.AddTagsToResource", "")]
    [TestCase("ListTagsForResource", "AmazonSSM.ListTagsForResource", "")]
    public void The_client_sends_the_example_shape(string operation, string example, string optional)
    {
        var sent = CallsOf(operation)[0].Json();
        var expected = _examples.RootElement.GetProperty(example);

        Assert.That(Shape(sent), Is.EquivalentTo(Shape(expected).Where(s => optional.Length == 0 || !s.StartsWith(optional, StringComparison.Ordinal))));
    }

    [Test]
    public void The_client_sends_the_example_values_where_they_are_fixed()
    {
        var signal = CallsOf("SendAutomationSignal")[0].Json();
        var stop = CallsOf("StopAutomationExecution")[0].Json();
        var tags = CallsOf("ListTagsForResource")[0].Json();
        var describe = CallsOf("DescribeAutomationExecutions")[0].Json();

        Assert.Multiple(() =>
        {
            Assert.That(signal.GetProperty("Payload").GetProperty("Comment")[0].GetString(), Is.EqualTo("approved by @alice in Slack"));
            Assert.That(stop.GetProperty("Type").GetString(), Is.EqualTo("Cancel"));
            Assert.That(tags.GetProperty("ResourceType").GetString(), Is.EqualTo("Automation"));
            Assert.That(describe.GetProperty("Filters")[0].GetProperty("Key").GetString(), Is.EqualTo("DocumentNamePrefix"));
            Assert.That(describe.GetProperty("Filters")[1].GetProperty("Key").GetString(), Is.EqualTo("ExecutionStatus"));
        });
    }

    [Test]
    public void The_operation_lists_name_exactly_what_the_clients_call()
    {
        var called = Sandbox.Calls.Where(c => c.Service == "AmazonSSM").Select(c => c.Operation).ToHashSet();
        called.Add("DescribeDocument");

        Assert.Multiple(() =>
        {
            Assert.That(Ssm.Operations, Is.EquivalentTo(called));
            Assert.That(Sqs.Operations, Is.EquivalentTo(new[] { "ReceiveMessage", "DeleteMessageBatch", "ChangeMessageVisibility", "GetQueueUrl" }));
        });
    }

    /// <summary>Member paths with JSON kinds, e.g. <c>Tags[].Key:String</c>; map keys of Parameters and Payload values are data, not names.</summary>
    private static List<string> Shape(JsonElement element, string path = "")
    {
        var shape = new List<string>();
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when path == "Parameters":
                shape.Add("Parameters:{string:[string]}");
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    shape.AddRange(Shape(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}"));
                break;
            case JsonValueKind.Array:
                shape.AddRange(element.EnumerateArray().SelectMany(e => Shape(e, path + "[]")).Distinct());
                break;
            default:
                shape.Add($"{path}:{element.ValueKind}");
                break;
        }

        return shape;
    }
}
