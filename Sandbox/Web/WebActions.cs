using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SocketDeployer.Sandbox.Slack;

namespace SocketDeployer.Sandbox.Web;

/// <summary>
/// What a person does on the page, done the way Slack does it: a message mentioning the bot goes out as an
/// <c>app_mention</c> over Socket Mode, a click as an <c>interactive</c> <c>block_actions</c> envelope; the AWS panel
/// decides steps through <see cref="Aws.StepControls"/>.
/// </summary>
internal sealed class WebActions(WebSandbox sandbox)
{
    private SlackWorkspace Slack => sandbox.Environment.Slack;

    public async Task HandleAsync(HttpContext context, string action)
    {
        JsonObject body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body, cancellationToken: context.RequestAborted) ?? [];
        }
        catch (JsonException)
        {
            await Answer(context, HttpStatusCode.BadRequest, "The body is not a JSON object.");
            return;
        }

        try
        {
            var answer = new JsonObject();
            var error = action switch
            {
                "say" => await SayAsync(body, answer),
                "click" => await ClickAsync(body),
                "step" => Step(body),
                "pace" => Pace(body),
                _ => "No such action.",
            };
            await Answer(context, error is null ? HttpStatusCode.OK : HttpStatusCode.BadRequest, error, answer);
        }
        catch (InvalidOperationException e)
        {
            await Answer(context, HttpStatusCode.Conflict, e.Message);
        }
    }

    /// <summary>The composer: the person's text after a mention of the bot, escaped as Slack's client escapes it.</summary>
    private async Task<string?> SayAsync(JsonObject body, JsonObject answer)
    {
        if (Viewer(body) is not { } user)
            return "Unknown person.";
        var text = (Text(body, "text") ?? "").Trim();
        var mention = "@" + Slack.BotUserName;
        if (text.StartsWith(mention, StringComparison.OrdinalIgnoreCase))
            text = text[mention.Length..].TrimStart();
        if (text.Length == 0)
            return "Type a command, e.g. help.";
        var threadTs = Text(body, "threadTs");
        var escaped = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        answer["ts"] = await Slack.PostUserMessageAsync(
            sandbox.Catalog.DeployChannel, user, $"<@{Slack.BotUserId}> {escaped}", string.IsNullOrEmpty(threadTs) ? null : threadTs);
        return null;
    }

    /// <summary>A button: its value is taken from the message as it stands, as Slack's client does.</summary>
    private async Task<string?> ClickAsync(JsonObject body)
    {
        if (Viewer(body) is not { } user)
            return "Unknown person.";
        var channel = sandbox.Catalog.DeployChannel;
        var ts = Text(body, "ts") ?? "";
        var actionId = Text(body, "actionId") ?? "";
        if (Slack.ButtonValue(channel, ts, actionId) is not { } value)
            return "That message has no such button (any more).";
        await Slack.ClickButtonAsync(user, channel, ts, actionId, value);
        return null;
    }

    private string? Step(JsonObject body)
    {
        var stepId = Text(body, "stepId") ?? "";
        var step = sandbox.Environment.Aws.Executions.SelectMany(e => e.Steps).FirstOrDefault(s => s.StepExecutionId == stepId);
        if (step is null || step.Status is not ("InProgress" or "Waiting"))
            return "That step is not running.";
        switch (Text(body, "decision"))
        {
            case "hold" when step.Step.IsApproval:
                return "An approval waits for a decision already.";
            case "hold":
                sandbox.Controls.Hold(stepId);
                return null;
            case "Success" or "Failed" or "TimedOut":
                sandbox.Controls.Decide(stepId, Text(body, "decision")!);
                return null;
            default:
                return "A step can be held, or end as Success, Failed or TimedOut.";
        }
    }

    private string? Pace(JsonObject body)
    {
        var seconds = body["seconds"] is JsonValue value && value.TryGetValue<double>(out var s) ? s : (double?)null;
        if (seconds is < 0 or > 600)
            return "Steps take between 0 and 600 seconds.";
        sandbox.Controls.StepTime = seconds is { } run ? TimeSpan.FromSeconds(run) : null;
        return null;
    }

    private string? Viewer(JsonObject body) =>
        Text(body, "viewer") is { } id && Slack.People.Any(p => p.Id == id) ? id : null;

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static Task Answer(HttpContext context, HttpStatusCode status, string? error, JsonObject? answer = null)
    {
        answer ??= [];
        answer["ok"] = error is null;
        answer["error"] = error;
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(answer.ToJsonString());
    }
}
