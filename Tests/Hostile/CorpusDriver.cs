using System.Globalization;
using System.Text.Json.Nodes;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Hostile;

/// <summary>
/// How cases reach the daemon: over the real Socket Mode websocket (envelopes, raw frames, typed messages, clicks)
/// and the real SQS queue. Every case gets its own event id, ts and thread, so no answer is mistaken for another's.
/// </summary>
public sealed class CorpusDriver(SandboxEnvironment env, Releases releases)
{
    private int counter;

    public SandboxEnvironment Env { get; } = env;

    public SlackWorkspace Slack => Env.Slack;

    /// <summary>The releases waiting for approval that the corpus aims at.</summary>
    public Releases Releases { get; } = releases;

    public string BotMention => $"<@{Slack.BotUserId}>";

    public string NextEventId() => string.Create(CultureInfo.InvariantCulture, $"Ev0HOSTILE{Interlocked.Increment(ref counter):D5}");

    public string NextTs() => string.Create(CultureInfo.InvariantCulture, $"1800000000.{Interlocked.Increment(ref counter):D6}");

    /// <summary>A person types <paramref name="text"/> (the bot's mention is put in front unless <paramref name="mention"/> is false).</summary>
    public async Task<Sent> Say(string user, string text, string channel = SandboxPeople.DeployChannel, bool mention = true)
    {
        var ts = await Slack.PostUserMessageAsync(channel, user, mention ? $"{BotMention} {text}" : text);
        return new Sent([], Thread: ts, User: user);
    }

    public async Task<Sent> Envelope(string type, JsonObject payload)
    {
        var delivery = await Slack.SendEnvelopeAsync(type, payload);
        return new Sent([delivery.EnvelopeId]);
    }

    /// <summary>An events_api envelope with an app_mention, shaped as Slack sends it; <paramref name="change"/> spoils it.</summary>
    public async Task<Sent> Mention(string user, string text, Action<JsonObject, JsonObject>? change = null)
    {
        var eventId = NextEventId();
        var ts = NextTs();
        var payload = MentionPayload(eventId, user, $"{BotMention} {text}", ts);
        change?.Invoke(payload, payload["event"]!.AsObject());
        var delivery = await Slack.SendEnvelopeAsync("events_api", payload);
        return new Sent([delivery.EnvelopeId, eventId], Thread: ts, User: user);
    }

    /// <summary>A frame written as it is, then an envelope nobody handles on the same socket: once that is acked, the
    /// daemon has read the frame. <paramref name="envelopeId"/> names the frame's own envelope_id, if it has one.</summary>
    public async Task<Sent> Raw(string frame, string? envelopeId = null)
    {
        var connection = Slack.OpenConnectionIndexes[0];
        await Slack.SendRawFrameAsync(frame, connection);
        var sentinel = await Slack.SendEnvelopeAsync("hostile_sentinel", new JsonObject(), connection);
        await sentinel.Acked.WaitAsync(TimeSpan.FromSeconds(15));
        return envelopeId is null ? new Sent([], RawFrame: true) : new Sent([envelopeId]);
    }

    /// <summary>A block_actions click on <paramref name="messageTs"/> (the app release's prompt unless given).</summary>
    public async Task<Sent> Click(string user, string value, string? messageTs = null, string? teamId = null, string actionId = ApprovalMessages.ApproveAction, Action<JsonObject>? change = null)
    {
        var payload = ClickPayloads.Button(teamId ?? Slack.TeamId, user, SandboxPeople.DeployChannel, messageTs ?? Releases.AppPromptTs, actionId, value);
        change?.Invoke(payload);
        var delivery = await Slack.SendEnvelopeAsync("interactive", payload);
        return new Sent([delivery.EnvelopeId, value.Split('/')[0]], User: user);
    }

    public Sent Queue(string body)
    {
        var id = Env.Aws.SendMessage(Env.QueueUrl, body);
        return new Sent([id], MessageId: id);
    }

    public JsonObject MentionPayload(string eventId, string user, string text, string ts) => new()
    {
        ["token"] = "verification-token",
        ["team_id"] = Slack.TeamId,
        ["api_app_id"] = "A0SANDBOX",
        ["event"] = new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = user,
            ["text"] = text,
            ["ts"] = ts,
            ["channel"] = SandboxPeople.DeployChannel,
            ["event_ts"] = ts,
        },
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1800000000,
    };
}

/// <summary>Two releases started from Slack and waiting at their approval step, and one started outside Slack.</summary>
public sealed record Releases(string AppExecution, string AppThread, string AppPromptTs, string AppStatusTs, string UiExecution, string ConsoleExecution);
