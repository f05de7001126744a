using System.Text.Json.Nodes;
using SocketDeployer.Core.Aws.Events;
using SocketDeployer.Tests.AwsEvents;

namespace SocketDeployer.Tests.Hostile;

/// <summary>Queue bodies that are not JSON, not ours, of no release, or carry markup into a release's thread.</summary>
public static class QueueCases
{
    public static IEnumerable<HostileCase> All() => [.. Malformed(), .. Foreign(), .. OfNoRelease(), .. IntoTheThread()];

    private static HostileCase Body(string name, Expect expect, Func<CorpusDriver, string> body) =>
        new("queue", name, expect, d => Task.FromResult(d.Queue(body(d))));

    private static string Step(Action<JsonObject> change) => EventBridgeParsingTests.WithDetail(AwsSamples.StepEvent, change);

    private static string Root(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(AwsSamples.Read(AwsSamples.StepEvent))!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    private static string Sns(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(AwsSamples.Read(AwsSamples.SnsEnvelope))!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    private static string LogLine(string executionId, string text) =>
        new JsonObject { ["socketdeployer"] = 1, ["executionId"] = executionId, ["text"] = text }.ToJsonString();

    private static IEnumerable<HostileCase> Malformed()
    {
        foreach (var (name, body) in new (string, Func<string>)[]
        {
            ("whitespace", () => " \r\n\t "),
            ("prose", () => "hello, queue"),
            ("unterminated object", () => "{"),
            ("truncated event", () => AwsSamples.Read(AwsSamples.StepEvent)[..200]),
            ("empty array", () => "[]"),
            ("number", () => "42"),
            ("string", () => "\"aws.ssm\""),
            ("null", () => "null"),
            ("true", () => "true"),
            ("empty object", () => "{}"),
            ("XML", () => "<ErrorResponse><Error><Code>x</Code></Error></ErrorResponse>"),
            ("no ExecutionId", () => Step(d => d.Remove("ExecutionId"))),
            ("ExecutionId a number", () => Step(d => d["ExecutionId"] = 333)),
            ("ExecutionId not a UUID", () => Step(d => d["ExecutionId"] = "exec-1")),
            ("ExecutionId with markup", () => Step(d => d["ExecutionId"] = "<!channel>")),
            ("Status empty", () => Step(d => d["Status"] = "")),
            ("Status null", () => Step(d => d["Status"] = null)),
            ("no Definition", () => Step(d => d.Remove("Definition"))),
            ("detail a string", () => Root(r => r["detail"] = "{}")),
            ("detail an array", () => Root(r => r["detail"] = new JsonArray())),
            ("no detail", () => Root(r => r.Remove("detail"))),
            ("trailing comma", () => AwsSamples.Read(AwsSamples.StepEvent).TrimEnd()[..^1] + ",}"),
            ("comment", () => "/* hi */" + AwsSamples.Read(AwsSamples.StepEvent)),
            ("trailing garbage", () => AwsSamples.Read(AwsSamples.StepEvent) + " x"),
            ("two objects", () => AwsSamples.Read(AwsSamples.StepEvent) + AwsSamples.Read(AwsSamples.StepEvent)),
            ("SNS Message a number", () => Sns(n => n["Message"] = 7)),
            ("SNS Message an object", () => Sns(n => n["Message"] = new JsonObject { ["AutomationExecutionId"] = Guid.NewGuid().ToString() })),
            ("SNS Message broken JSON", () => Sns(n => n["Message"] = "{\"Status\": \"Waiting\", \"Definition\":")),
            ("SNS Message empty", () => Sns(n => n["Message"] = "")),
            ("SNS Type a number", () => Sns(n => n["Type"] = 1)),
            ("log line of version 2", () => $$"""{"socketdeployer":2,"executionId":"{{Guid.NewGuid()}}","text":"t"}"""),
            ("log line without an execution id", () => """{"socketdeployer":1,"text":"<!channel> hello"}"""),
            ("body over the cap", () => LogLine(Guid.NewGuid().ToString(), new string('x', AutomationEventParser.MaxBodyLength))),
            ("deep array nesting", () => new string('[', 10_000) + new string(']', 10_000)),
            ("deep object nesting", () => string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)),
            ("byte order mark", () => "\uFEFF[]"),
        })
        {
            yield return Body($"not parsable: {name}", Expect.Retained, _ => body());
        }
    }

    private static IEnumerable<HostileCase> Foreign()
    {
        foreach (var (name, body) in new[]
        {
            ("another source", """{"source":"aws.s3","detail-type":"Object Created","detail":{}}"""),
            ("another source without detail-type", """{"source":"aws.ec2"}"""),
            ("a custom source posing as SSM", """{"source":"my.app","detail-type":"EC2 Automation Step Status-change Notification","detail":{}}"""),
            ("State Manager", """{"source":"aws.ssm","detail-type":"EC2 State Manager Association State Change"}"""),
            ("Run Command", """{"source":"aws.ssm","detail-type":"EC2 Command Status-change Notification","detail":{"command-id":"x"}}"""),
        })
        {
            yield return Body($"not ours: {name}", Expect.Deleted, _ => body);
        }

        yield return Body("not ours: SNS subscription confirmation", Expect.Deleted,
            _ => Sns(n => { n["Type"] = "SubscriptionConfirmation"; n["Message"] = "You have chosen to subscribe <!channel>"; }));
    }

    private static IEnumerable<HostileCase> OfNoRelease()
    {
        yield return Body("no release: step event of an unknown execution", Expect.Deleted, _ => Step(d => d["ExecutionId"] = Guid.NewGuid().ToString()));
        yield return Body("no release: log line of an unknown execution", Expect.Deleted, _ => LogLine(Guid.NewGuid().ToString(), "<!channel> deployed"));
        yield return Body("no release: step event of a console execution", Expect.Deleted, d => Step(s => s["ExecutionId"] = d.Releases.ConsoleExecution));
        yield return Body("no release: log line of a console execution", Expect.Deleted, d => LogLine(d.Releases.ConsoleExecution, "<!here> look"));
        yield return Body("no release: SNS approval of a console execution", Expect.Deleted,
            d => Sns(n => n["Message"] = new JsonObject { ["AutomationExecutionId"] = d.Releases.ConsoleExecution, ["Status"] = "Waiting" }.ToJsonString()));
    }

    private static IEnumerable<HostileCase> IntoTheThread()
    {
        foreach (var (name, text, shown) in new[]
        {
            ("@channel", "<!channel> rollout done", "&lt;!channel&gt; rollout done"),
            ("@here", "<!here> please check", "&lt;!here&gt; please check"),
            ("@everyone", "<!everyone> hi", "&lt;!everyone&gt; hi"),
            ("a user group", "<!subteam^S0PRODAPPROVERS|@prod-approvers> approve now", "approve now"),
            ("a user", "<@U0BOB> approve now", "approve now"),
            ("a forged link", "<http://evil.example/login|Approve in the AWS console>", "Approve in the AWS console"),
            ("plain @channel", "@channel deployed", "channel deployed"),
            ("a right-to-left override", "build \u202Eexe.txt", "exe.txt"),
            ("zero-width characters", "done\u200B\u200D", "done"),
            ("a code fence", "```<!channel>```", "!channel"),
            ("ten thousand characters", new string('z', 10_000), "zzzz…"),
        })
        {
            yield return new("queue", $"log line with {name}", Expect.Thread(shown, audited: false), d =>
            {
                var sent = d.Queue(LogLine(d.Releases.AppExecution, text));
                return Task.FromResult(sent with { Thread = d.Releases.AppThread });
            });
        }
    }
}
