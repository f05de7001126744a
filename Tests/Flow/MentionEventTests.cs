using System.Text.Json;
using System.Text.Json.Nodes;
using SocketDeployer.Core.Flow;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Flow;

public class MentionEventTests
{
    private static JsonObject SamplePayload() =>
        JsonNode.Parse(File.ReadAllText(RepoPaths.Sample("slack", "events_api_app_mention.python-sdk-test.json")))!["payload"]!.AsObject();

    private static MentionEvent? Read(JsonObject payload) => MentionEvent.From(JsonSerializer.SerializeToElement(payload));

    [Test]
    public void ReadsSlacksPublishedAppMention()
    {
        var mention = Read(SamplePayload());
        Assert.That(mention, Is.EqualTo(new MentionEvent("T111", "Ev111", "C111", "U222", "<@U111>", "1610241741.000200", null, false, false)));
        Assert.That(mention!.ReplyThread, Is.EqualTo("1610241741.000200"));
    }

    [Test]
    public void RepliesInTheExistingThread()
    {
        var payload = SamplePayload();
        payload["event"]!["thread_ts"] = "1610241000.000100";
        Assert.That(Read(payload)!.ReplyThread, Is.EqualTo("1610241000.000100"));
    }

    [Test]
    public void MarksBotsAndEdits()
    {
        var bot = SamplePayload();
        bot["event"]!["bot_id"] = "B1";
        var edit = SamplePayload();
        edit["event"]!["edited"] = new JsonObject { ["user"] = "U222", ["ts"] = "1" };
        Assert.Multiple(() =>
        {
            Assert.That(Read(bot)!.FromBot, Is.True);
            Assert.That(Read(edit)!.IsEdit, Is.True);
        });
    }

    [TestCase("type")]
    [TestCase("event_id")]
    [TestCase("event")]
    public void RefusesPayloadsMissingRequiredFields(string field)
    {
        var payload = SamplePayload();
        payload.Remove(field);
        Assert.That(Read(payload), Is.Null);
    }

    [Test]
    public void RefusesWrongTypes()
    {
        var payload = SamplePayload();
        payload["event"]!["channel"] = 42;
        Assert.That(Read(payload), Is.Null);
    }
}
