using System.Text.Json;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.FlowProgress;

public class ApprovalClickTests
{
    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    [Test]
    public void SlacksOwnSampleButtonIsNotOurs()
    {
        var envelope = Json(File.ReadAllText(RepoPaths.Sample("slack", "interactive_block_actions_button.bolt-python-test.json")));
        Assert.That(ApprovalClick.From(envelope.GetProperty("payload")), Is.Null);
    }

    [Test]
    public void OurButtonIsReadFromTheSampleShape()
    {
        var text = File.ReadAllText(RepoPaths.Sample("slack", "interactive_block_actions_button.bolt-python-test.json"))
            .Replace("\"action_id\": \"button\"", "\"action_id\": \"socketdeployer.reject\"", StringComparison.Ordinal)
            .Replace("\"value\": \"clicked\"", $"\"value\": \"{Samples.ExecutionId}/approve\"", StringComparison.Ordinal);
        var click = ApprovalClick.From(Json(text).GetProperty("payload"));
        Assert.That(click, Is.EqualTo(new ApprovalClick("T0G9PQBBK", "U111", "U111", "C111", "1678252213.679169", false, Samples.ExecutionId, "approve")));
    }

    [Test]
    public void AHandBuiltApproveClickCarriesItsThread()
    {
        var payload = ClickPayloads.Button("T0SANDBOX", "U0BOB", "C0123PRODDEPLOY", "1700000000.000300", ApprovalMessages.ApproveAction, $"{Samples.ExecutionId}/approve");
        payload["message"] = new System.Text.Json.Nodes.JsonObject { ["ts"] = "1700000000.000300", ["thread_ts"] = "1700000000.000100" };
        var click = ApprovalClick.From(Json(payload.ToJsonString()));
        Assert.Multiple(() =>
        {
            Assert.That(click!.Approve, Is.True);
            Assert.That(click.UserName, Is.EqualTo("u0bob"));
            Assert.That(click.ThreadTs, Is.EqualTo("1700000000.000100"));
        });
    }

    [TestCase("/approve")]
    [TestCase("id-without-step/")]
    [TestCase("no-slash")]
    public void AValueWithoutBothPartsIsNotAClick(string value) =>
        Assert.That(ApprovalClick.From(Json(ClickPayloads.Button("T0", "U0BOB", "C0", "1.2", ApprovalMessages.ApproveAction, value).ToJsonString())), Is.Null);

    [Test]
    public void AnOverlongValueIsNotAClick() =>
        Assert.That(ApprovalClick.From(Json(ClickPayloads.Button("T0", "U0BOB", "C0", "1.2", ApprovalMessages.ApproveAction, new string('a', 300) + "/approve").ToJsonString())), Is.Null);

    [TestCase("[]")]
    [TestCase("\"block_actions\"")]
    [TestCase("{\"type\":\"block_actions\",\"actions\":{}}")]
    [TestCase("{\"type\":\"block_actions\",\"actions\":[]}")]
    public void NonObjectsAndMissingActionsAreNotClicks(string json) => Assert.That(ApprovalClick.From(Json(json)), Is.Null);

    [Test]
    public void TwoActionsAtOnceAreNotAClick()
    {
        var payload = ClickPayloads.Button("T0", "U0BOB", "C0", "1.2", ApprovalMessages.ApproveAction, $"{Samples.ExecutionId}/approve");
        payload["actions"]!.AsArray().Add(payload["actions"]![0]!.DeepClone());
        Assert.That(ApprovalClick.From(Json(payload.ToJsonString())), Is.Null);
    }
}
