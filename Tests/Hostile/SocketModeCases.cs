using System.Text.Json.Nodes;
using SocketDeployer.Core.Flow.Approval;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.Hostile;

/// <summary>Socket Mode input nobody's Slack client sends: broken frames, spoiled envelopes, ignored events, forged clicks.</summary>
public static class SocketModeCases
{
    private const int Unparsable = 1210;
    private const int NotAnEnvelope = 1211;
    private const int NotForUs = 3003;
    private const int IgnoredMention = 2000;
    private const int NotAClick = 3008;
    private const int ClickRefused = 2102;

    public static IEnumerable<HostileCase> All() => [.. Frames(), .. Envelopes(), .. IgnoredMentions(), .. SpoiledClicks(), .. ForgedClicks()];

    private static HostileCase Case(string name, Expect expect, Func<CorpusDriver, Task<Sent>> send) => new("socket", name, expect, send);

    private static IEnumerable<HostileCase> Frames()
    {
        foreach (var (name, frame) in new[]
        {
            ("empty frame", ""),
            ("unterminated object", "{"),
            ("prose", "deploy everything now"),
            ("truncated envelope", """{"envelope_id":"e1","type":"events_api","payload":{"event":"""),
            ("single quotes", "{'envelope_id':'e2','type':'events_api'}"),
            ("trailing comma", """{"envelope_id":"e3","type":"events_api",}"""),
            ("trailing garbage", """{"type":"events_api"} trailing"""),
            ("two objects", "{}{}"),
            ("NaN", "NaN"),
            ("comment", """/* hi */ {"type":"events_api"}"""),
            ("nesting deeper than the parser allows", new string('[', 5000) + new string(']', 5000)),
            ("unescaped control character", "{\"type\":\"a\u0001b\"}"),
            ("lone surrogate escape", """{"envelope_id":"\ud800","type":"events_api"}"""),
        })
        {
            yield return Case($"frame: {name}", Expect.Silent(Unparsable), d => d.Raw(frame));
        }

        foreach (var (name, frame) in new[]
        {
            ("empty object", "{}"),
            ("array", "[]"),
            ("number", "42"),
            ("string", "\"events_api\""),
            ("null", "null"),
            ("true", "true"),
            ("no envelope_id", """{"type":"events_api","payload":{}}"""),
            ("envelope_id a number", """{"envelope_id":5,"type":"events_api","payload":{}}"""),
            ("envelope_id null", """{"envelope_id":null,"type":"interactive","payload":{}}"""),
            ("envelope_id an object", """{"envelope_id":{"id":"x"},"type":"events_api"}"""),
            ("unknown control type", """{"type":"goodbye","reason":"whatever"}"""),
        })
        {
            yield return Case($"frame: {name}", Expect.Silent(NotAnEnvelope), d => d.Raw(frame));
        }

        foreach (var (name, frame) in new[]
        {
            ("payload a string", """{"envelope_id":"{id}","type":"events_api","payload":"app_mention"}"""),
            ("payload an array", """{"envelope_id":"{id}","type":"events_api","payload":[1]}"""),
            ("payload null", """{"envelope_id":"{id}","type":"events_api","payload":null}"""),
            ("no payload", """{"envelope_id":"{id}","type":"events_api"}"""),
            ("type a number", """{"envelope_id":"{id}","type":7,"payload":{}}"""),
            ("retry_attempt a string", """{"envelope_id":"{id}","type":"events_api","retry_attempt":"x","payload":{}}"""),
            ("duplicate keys", """{"envelope_id":"{id}","type":"interactive","type":"events_api","payload":{}}"""),
        })
        {
            yield return Case($"frame: {name}", Expect.Silent(NotForUs), d =>
            {
                var id = Guid.NewGuid().ToString();
                return d.Raw(frame.Replace("{id}", id, StringComparison.Ordinal), id);
            });
        }
    }

    private static IEnumerable<HostileCase> Envelopes()
    {
        foreach (var (name, type) in new[] { ("slash_commands", "slash_commands"), ("empty type", ""), ("upper-case type", "EVENTS_API"), ("unknown type", "workflow_step") })
        {
            yield return Case($"envelope type {name}", Expect.Silent(NotForUs), d => d.Envelope(type, d.MentionPayload(d.NextEventId(), Alice, $"{d.BotMention} run deploy app r-1.0.0", d.NextTs())));
        }

        foreach (var (name, change) in new (string, Action<JsonObject, JsonObject>)[]
        {
            ("payload type url_verification", (p, _) => p["type"] = "url_verification"),
            ("payload type in another case", (p, _) => p["type"] = "Event_Callback"),
            ("payload type missing", (p, _) => p.Remove("type")),
            ("event type message", (_, e) => e["type"] = "message"),
            ("event type reaction_added", (_, e) => e["type"] = "reaction_added"),
            ("event type upper case", (_, e) => e["type"] = "APP_MENTION"),
            ("event missing", (p, _) => p.Remove("event")),
            ("event a string", (p, _) => p["event"] = "app_mention"),
            ("event an array", (p, _) => p["event"] = new JsonArray()),
            ("event_id missing", (p, _) => p.Remove("event_id")),
            ("event_id a number", (p, _) => p["event_id"] = 12345),
            ("no team anywhere", (p, e) => { p.Remove("team_id"); e.Remove("team"); }),
            ("channel missing", (_, e) => e.Remove("channel")),
            ("channel a number", (_, e) => e["channel"] = 42),
            ("ts missing", (_, e) => e.Remove("ts")),
            ("ts an object", (_, e) => e["ts"] = new JsonObject()),
        })
        {
            yield return Case($"mention envelope: {name}", Expect.Silent(NotForUs), d => d.Mention(Alice, "run deploy app r-1.0.0", change));
        }
    }

    private static IEnumerable<HostileCase> IgnoredMentions()
    {
        foreach (var (name, change) in new (string, Action<JsonObject, JsonObject>)[]
        {
            ("bot_id", (_, e) => e["bot_id"] = "B0OTHER"),
            ("subtype bot_message", (_, e) => e["subtype"] = "bot_message"),
            ("subtype message_changed", (_, e) => e["subtype"] = "message_changed"),
            ("subtype thread_broadcast", (_, e) => e["subtype"] = "thread_broadcast"),
            ("subtype me_message", (_, e) => e["subtype"] = "me_message"),
            ("edited", (_, e) => e["edited"] = new JsonObject { ["user"] = Alice, ["ts"] = "1800000001.000000" }),
            ("edited null", (_, e) => e["edited"] = null),
            ("a direct message", (_, e) => e["channel"] = "D0ALICE"),
            ("from the bot itself", (_, e) => e["user"] = "U0DEPLOYBOT"),
            ("no user", (_, e) => e.Remove("user")),
            ("user null", (_, e) => e["user"] = null),
            ("user a number", (_, e) => e["user"] = 7),
            ("user an object", (_, e) => e["user"] = new JsonObject { ["id"] = Alice }),
        })
        {
            yield return Case($"ignored mention: {name}", Expect.Silent(IgnoredMention), d => d.Mention(Alice, "run deploy ui r-1.0.0", (p, e) =>
            {
                change(p, e);
                if (e["user"] is JsonValue v && v.TryGetValue<string>(out var u) && u == "U0DEPLOYBOT")
                {
                    e["user"] = d.Slack.BotUserId;
                }
            }));
        }

        yield return Case("mention from another workspace", Expect.Silent(IgnoredMention), d => d.Mention(Alice, "run deploy ui r-1.0.0", (p, e) =>
        {
            p["team_id"] = "T0ELSEWHERE";
            e["team"] = "T0ELSEWHERE";
        }));
        yield return Case("mention in a private channel the catalog does not name", Expect.Private("not run from this channel"), d => d.Mention(Dave, "help", (_, e) => e["channel"] = OtherChannel));
    }

    private static IEnumerable<HostileCase> SpoiledClicks()
    {
        foreach (var (name, change) in new (string, Action<JsonObject>)[]
        {
            ("type view_submission", p => p["type"] = "view_submission"),
            ("type shortcut", p => p["type"] = "shortcut"),
            ("type message_action", p => p["type"] = "message_action"),
            ("type missing", p => p.Remove("type")),
            ("no actions", p => p.Remove("actions")),
            ("actions empty", p => p["actions"] = new JsonArray()),
            ("two actions", p => p["actions"]!.AsArray().Add(p["actions"]![0]!.DeepClone())),
            ("actions an object", p => p["actions"] = new JsonObject()),
            ("action_id missing", p => p["actions"]![0]!.AsObject().Remove("action_id")),
            ("action_id a number", p => p["actions"]![0]!["action_id"] = 1),
            ("action_id of another app", p => p["actions"]![0]!["action_id"] = "approve"),
            ("action_id with a suffix", p => p["actions"]![0]!["action_id"] = "socketdeployer.approve_all"),
            ("value missing", p => p["actions"]![0]!.AsObject().Remove("value")),
            ("value a number", p => p["actions"]![0]!["value"] = 42),
            ("value without a step", p => p["actions"]![0]!["value"] = "only-an-id"),
            ("value with an empty id", p => p["actions"]![0]!["value"] = "/approve"),
            ("value with an empty step", p => p["actions"]![0]!["value"] = "id/"),
            ("value of 400 characters", p => p["actions"]![0]!["value"] = new string('a', 200) + "/" + new string('b', 199)),
            ("user missing", p => p.Remove("user")),
            ("user a string", p => p["user"] = Bob),
            ("user without id", p => p["user"]!.AsObject().Remove("id")),
            ("team missing", p => p.Remove("team")),
            ("team a string", p => p["team"] = "T0SANDBOX"),
            ("container missing", p => p.Remove("container")),
            ("no message_ts", p => p["container"]!.AsObject().Remove("message_ts")),
            ("no channel anywhere", p => { p.Remove("channel"); p["container"]!.AsObject().Remove("channel_id"); }),
        })
        {
            yield return Case($"spoiled click: {name}", Expect.Silent(NotAClick), d => d.Click(Bob, ApprovalMessages.ButtonValue(d.Releases.AppExecution, "approve"), change: change));
        }
    }

    private static IEnumerable<HostileCase> ForgedClicks()
    {
        const string NotThePrompt = "not the current approval prompt";
        const string NotARelease = "does not belong to a release started from Slack";
        yield return Case("forged click: value names another service's release", Expect.Private(NotThePrompt),
            d => d.Click(Bob, ApprovalMessages.ButtonValue(d.Releases.UiExecution, "approve")));
        yield return Case("forged click: value names an unknown execution", Expect.Private(NotARelease),
            d => d.Click(Bob, ApprovalMessages.ButtonValue(Guid.NewGuid().ToString(), "approve")));
        yield return Case("forged click: value is not an execution id", Expect.Private(NotARelease),
            d => d.Click(Bob, "../../etc/passwd/approve"));
        yield return Case("forged click: value names a release not started from Slack", Expect.Private(NotARelease),
            d => d.Click(Bob, ApprovalMessages.ButtonValue(d.Releases.ConsoleExecution, "approve")));
        yield return Case("forged click: value names another step", Expect.Private("no longer waiting"),
            d => d.Click(Bob, ApprovalMessages.ButtonValue(d.Releases.AppExecution, "rollout")));
        yield return Case("forged click: value names a step with markup", Expect.Private("no longer waiting"),
            d => d.Click(Bob, ApprovalMessages.ButtonValue(d.Releases.AppExecution, "<!channel>")));
        yield return Case("forged click: on the status message", Expect.Private(NotThePrompt),
            d => d.Click(Bob, ApprovalMessages.ButtonValue(d.Releases.AppExecution, "approve"), messageTs: d.Releases.AppStatusTs));
        yield return Case("forged click: on a message that does not exist", Expect.Private(NotThePrompt),
            d => d.Click(Bob, ApprovalMessages.ButtonValue(d.Releases.AppExecution, "approve"), messageTs: "1.000001"));
        yield return Case("forged click: from another workspace", Expect.Silent(ClickRefused, audited: true),
            d => d.Click(Bob, ApprovalMessages.ButtonValue(d.Releases.AppExecution, "approve"), teamId: "T0ELSEWHERE"));
        yield return Case("forged click: user from another team", Expect.Silent(ClickRefused, audited: true),
            d => d.Click(Bob, ApprovalMessages.ButtonValue(d.Releases.AppExecution, "approve"), change: p => p["team"]!["id"] = "T0OTHERTEAM"));
        yield return Case("forged click: another channel", Expect.Private(NotThePrompt),
            d => d.Click(Bob, ApprovalMessages.ButtonValue(d.Releases.AppExecution, "approve"), change: p =>
            {
                p["channel"]!["id"] = OtherChannel;
                p["container"]!["channel_id"] = OtherChannel;
            }));
        yield return Case("click: not an approver", Expect.Private("not an approver of *app*"),
            d => d.Click(Dave, ApprovalMessages.ButtonValue(d.Releases.AppExecution, "approve")));
        yield return Case("click: the requester approves her own release", Expect.Private("someone else has to approve it"),
            d => d.Click(Alice, ApprovalMessages.ButtonValue(d.Releases.AppExecution, "approve")));
        yield return Case("click: the requester rejects through a forged reject", Expect.Private("someone else has to approve it"),
            d => d.Click(Alice, ApprovalMessages.ButtonValue(d.Releases.AppExecution, "approve"), actionId: ApprovalMessages.RejectAction));
        yield return Case("forged click: an approver of both sends ui's value from app's prompt", Expect.Private(NotThePrompt),
            d => d.Click(Carol, ApprovalMessages.ButtonValue(d.Releases.UiExecution, "approve"), messageTs: d.Releases.AppPromptTs));
        // Nobody to tell: an ephemeral to a user Slack does not know fails, but the refusal is audited.
        yield return Case("click: unknown user id", Expect.Silent(ClickRefused, audited: true),
            d => d.Click("U0NOBODY", ApprovalMessages.ButtonValue(d.Releases.AppExecution, "approve")));
        yield return Case("forged click: a user-group id as the clicker", Expect.Silent(ClickRefused, audited: true),
            d => d.Click(ProdApprovers, ApprovalMessages.ButtonValue(d.Releases.AppExecution, "approve")));
    }
}
