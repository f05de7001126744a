using System.Text;
using System.Text.Json.Nodes;
using SocketDeployer.Core.Aws.Events;

namespace SocketDeployer.Tests.AwsEvents;

public class HostileBodyTests
{
    private const string Id = "4105a4fc-f944-11e6-9d32-0123456789ab";

    private static IEnumerable<TestCaseData> MalformedBodies()
    {
        static TestCaseData Case(string name, string body) => new TestCaseData(body).SetArgDisplayNames(name);
        static string Step(Action<JsonObject> change) => EventBridgeParsingTests.WithDetail(AwsSamples.StepEvent, change);
        static string Root(Action<JsonObject> change)
        {
            var node = JsonNode.Parse(AwsSamples.Read(AwsSamples.StepEvent))!.AsObject();
            change(node);
            return node.ToJsonString();
        }

        var step = AwsSamples.Read(AwsSamples.StepEvent);
        yield return Case("empty", "");
        yield return Case("whitespace", " \r\n\t ");
        yield return Case("prose", "hello, queue");
        yield return Case("unterminated object", "{");
        yield return Case("truncated event", step[..(step.Length / 2)]);
        yield return Case("empty array", "[]");
        yield return Case("array of an event", $"[{step}]");
        yield return Case("number", "42");
        yield return Case("string", "\"aws.ssm\"");
        yield return Case("null", "null");
        yield return Case("true", "true");
        yield return Case("empty object", "{}");
        yield return Case("no ExecutionId", Step(d => d.Remove("ExecutionId")));
        yield return Case("ExecutionId number", Step(d => d["ExecutionId"] = 333));
        yield return Case("ExecutionId empty", Step(d => d["ExecutionId"] = ""));
        yield return Case("ExecutionId blank", Step(d => d["ExecutionId"] = "   "));
        yield return Case("ExecutionId not a UUID", Step(d => d["ExecutionId"] = "exec-1"));
        yield return Case("ExecutionId with NUL", Step(d => d["ExecutionId"] = "\0" + Id[1..]));
        yield return Case("ExecutionId lone surrogate escape", step.Replace(Id[..8].Replace("4105a4fc", "333ba70b"), "\\ud800", StringComparison.Ordinal));
        yield return Case("Status empty", Step(d => d["Status"] = ""));
        yield return Case("Status null", Step(d => d["Status"] = null));
        yield return Case("Status with newline", Step(d => d["Status"] = "Success\n"));
        yield return Case("no Definition", Step(d => d.Remove("Definition")));
        yield return Case("no StepName", Step(d => d.Remove("StepName")));
        yield return Case("Action number", Step(d => d["Action"] = 1));
        yield return Case("detail string", Root(r => r["detail"] = "{}"));
        yield return Case("detail array", Root(r => r["detail"] = new JsonArray()));
        yield return Case("no detail", Root(r => r.Remove("detail")));
        yield return Case("no id", Root(r => r.Remove("id")));
        yield return Case("time prose", Root(r => r["time"] = "yesterday"));
        yield return Case("time number", Root(r => r["time"] = 1732909415));
        yield return Case("time Java style", Root(r => r["time"] = "Nov 29, 2024 7:43:35 PM"));
        yield return Case("source number", Root(r => r["source"] = 1));
        yield return Case("no source", Root(r => r.Remove("source")));
        yield return Case("no detail-type", Root(r => r.Remove("detail-type")));
        yield return Case("duplicate ExecutionId", step.Replace("\"Definition\"", $"\"ExecutionId\": \"{Id}\", \"Definition\"", StringComparison.Ordinal));
        yield return Case("trailing comma", step.TrimEnd()[..^1] + ",}");
        yield return Case("comment", "/* hi */" + step);
        yield return Case("trailing garbage", step + " x");
        yield return Case("two objects", step + step);
        yield return Case("SNS Message number", Sns(new JsonObject { ["Message"] = 7 }));
        yield return Case("SNS Message object", Sns(new JsonObject { ["Message"] = new JsonObject { ["AutomationExecutionId"] = Id } }));
        yield return Case("SNS Message broken JSON", SnsParsingTests.Envelope("{\"Status\": \"Waiting\", \"Definition\":"));
        yield return Case("SNS Message empty", SnsParsingTests.Envelope(""));
        yield return Case("SNS Type number", Sns(new JsonObject { ["Type"] = 1 }));
        yield return Case("log line version 2", $$"""{"socketdeployer":2,"executionId":"{{Id}}","text":"t"}""");
        yield return Case("log line version 0", $$"""{"socketdeployer":0,"executionId":"{{Id}}","text":"t"}""");
        yield return Case("body over the cap", $$"""{"socketdeployer":1,"executionId":"{{Id}}","text":"{{new string('x', AutomationEventParser.MaxBodyLength)}}"}""");
        yield return Case("deep array nesting", new string('[', 10_000) + new string(']', 10_000));
        yield return Case("deep object nesting", string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000));
        yield return Case("deep nesting in detail", Step(d => d["Inputs"] = JsonNode.Parse(new string('[', 40) + new string(']', 40))));
        yield return Case("NUL bytes", "\0\0\0\0");
        yield return Case("raw NUL in a string", step.Replace("aws.ssm", "aws\0.ssm", StringComparison.Ordinal));
        yield return Case("lone high surrogate", "{\"source\":\"aws.ssm\uD800\"}");
        yield return Case("lone low surrogate", "\uDC00" + step);
        yield return Case("reversed surrogates", "{\"socketdeployer\":1,\"executionId\":\"" + Id + "\",\"text\":\"\uDC00\uD800\"}");
        yield return Case("lone surrogate in prose with id", "\uD800 AutomationExecutionId");
        yield return Case("byte order mark", "\uFEFF[]");
    }

    private static IEnumerable<TestCaseData> IgnoredBodies()
    {
        static TestCaseData Case(string name, string body) => new TestCaseData(body).SetArgDisplayNames(name);

        yield return Case("other source, nothing else", """{"source":"aws.s3","detail-type":"Object Created"}""");
        yield return Case("other source, no detail-type", """{"source":"aws.ec2"}""");
        yield return Case("custom source", """{"source":"my.app","detail-type":"EC2 Automation Step Status-change Notification","detail":{}}""");
        yield return Case("State Manager detail-type", """{"source":"aws.ssm","detail-type":"EC2 State Manager Association State Change"}""");
        yield return Case("Run Command detail-type", """{"source":"aws.ssm","detail-type":"EC2 Command Status-change Notification","detail":{"command-id":"x"}}""");
        yield return Case("SNS subscription confirmation", Sns(new JsonObject { ["Type"] = "SubscriptionConfirmation", ["Message"] = "You have chosen to subscribe" }));
    }

    [TestCaseSource(nameof(MalformedBodies))]
    public void HostileBody_IsMalformed(string body) =>
        Assert.That(AutomationEventParser.Parse(body), Is.InstanceOf<ParseResult.Malformed>());

    [TestCaseSource(nameof(IgnoredBodies))]
    public void ForeignBody_IsIgnored(string body) =>
        Assert.That(AutomationEventParser.Parse(body), Is.InstanceOf<ParseResult.Ignored>());

    [Test]
    public void NullBody_IsMalformed() => Assert.That(AutomationEventParser.Parse(null), Is.InstanceOf<ParseResult.Malformed>());

    [Test]
    public void RandomText_NeverThrows_AndNeverYieldsAnInvalidExecutionId()
    {
        var random = new Random(20261122);
        for (var i = 0; i < 1500; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            AssertSafe(Encoding.UTF8.GetString(bytes));
            AssertSafe(Encoding.Latin1.GetString(bytes));
            AssertSafe(new string([.. bytes.Chunk(2).Select(pair => (char)(pair[0] << 8 | pair[^1]))]));
        }
    }

    [Test]
    public void MutatedQueueBodies_NeverThrow_AndNeverYieldAnInvalidExecutionId()
    {
        string[] bodies =
        [
            AwsSamples.Read(AwsSamples.StepEvent),
            AwsSamples.Read(AwsSamples.ExecutionEvent),
            SnsParsingTests.Envelope(AwsSamples.Read(AwsSamples.StepEvent)),
            SnsParsingTests.Envelope($"AutomationExecutionId: {Id}"),
            $$"""{"socketdeployer":1,"executionId":"{{Id}}","text":"t"}""",
        ];
        const string Noise = "{}[]\",:\\u0123456789abcdefABCDEF-ntrl \0\uD800\uDC00é";
        var random = new Random(7);
        foreach (var body in bodies)
        {
            for (var i = 0; i < 400; i++)
            {
                var mutated = new StringBuilder(body);
                for (var edits = random.Next(1, 4); edits > 0 && mutated.Length > 0; edits--)
                {
                    var at = random.Next(mutated.Length);
                    switch (random.Next(3))
                    {
                        case 0: mutated.Length = at; break;
                        case 1: mutated[at] = Noise[random.Next(Noise.Length)]; break;
                        default: mutated.Insert(at, Noise[random.Next(Noise.Length)]); break;
                    }
                }

                var result = AssertSafe(mutated.ToString());
                // Every EventBridge event quotes its execution ARN: damage must not turn it into an approval.
                if (body.Contains("\"detail-type\"", StringComparison.Ordinal) && result is ParseResult.Parsed { Event: ApprovalRequested approval })
                    Assert.Fail($"a damaged EventBridge event became {approval}: {Escape(mutated.ToString())}");
            }
        }
    }

    private static ParseResult? AssertSafe(string body)
    {
        ParseResult result;
        try
        {
            result = AutomationEventParser.Parse(body);
        }
        catch (Exception exception)
        {
            Assert.Fail($"Parse threw {exception.GetType().Name} for {Escape(body)}: {exception.Message}");
            return null;
        }

        Assert.That(result, Is.Not.Null);
        if (result is ParseResult.Parsed { Event: var parsed })
            Assert.That(Guid.TryParseExact(parsed.ExecutionId, "D", out _), Is.True, $"{parsed} from {Escape(body)}");
        else if (result is ParseResult.Ignored { Reason: var ignored })
            Assert.That(ignored, Is.Not.Empty);
        else if (result is ParseResult.Malformed { Reason: var malformed })
            Assert.That(malformed, Is.Not.Empty);

        return result;
    }

    private static string Sns(JsonObject changes)
    {
        var node = JsonNode.Parse(AwsSamples.Read(AwsSamples.SnsEnvelope))!.AsObject();
        foreach (var (name, value) in changes.ToList())
        {
            changes.Remove(name);
            node[name] = value;
        }

        return node.ToJsonString();
    }

    private static string Escape(string body) => string.Concat(body.Take(200).Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString()));
}
