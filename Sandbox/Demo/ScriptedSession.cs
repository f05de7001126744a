using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Verbs;
using SocketDeployer.Sandbox.Aws;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Sandbox.Demo;

/// <summary><c>dotnet run --project Sandbox</c>: the real daemon against the Sandbox, playing the releases a team
/// would see in #prod-deployments, each thread printed as a person reads it.</summary>
internal sealed class ScriptedSession(SandboxEnvironment env, TextWriter output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private SlackWorkspace Slack => env.Slack;

    public static void RegisterDocuments(AwsSandbox aws)
    {
        SandboxDocuments.Register(aws);
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal) { ["ReleaseTag"] = null, ["RequestedBy"] = null };
        // The UI release of the demo fails at its CDN step, to show what a failure looks like.
        aws.RegisterDocument("Deploy-UI", "3",
        [
            new("build", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(300) },
            new("clearCdn", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(200), Outcome = "Failed", FailureMessage = "CloudFront CreateInvalidation: AccessDenied" },
        ], parameters);
    }

    public async Task RunAsync()
    {
        await Scene("1. Someone asks for help", async () => await ReplyTo(await Say(Dave, "help")));
        await Scene("2. Dave is not a deployer", async () =>
        {
            var ts = await Say(Dave, "run deploy app r-99.1.0");
            await Slack.WaitForMessageAsync(m => m.EphemeralFor == Dave && m.ThreadTs == ts, Wait);
            return ts;
        });
        await Scene("3. A typo in the version", async () => await ReplyTo(await Say(Alice, "run deploy app 99.1.0")));

        string releaseTs = "";
        await Scene("4. Alice releases app r-99.1.0; she cannot approve it herself; Bob approves", async () =>
        {
            releaseTs = await Say(Alice, "run deploy app r-99.1.0");
            var prompt = await PromptIn(releaseTs);
            await Click(Alice, prompt);
            await Slack.WaitForMessageAsync(m => m.EphemeralFor == Alice && m.ThreadTs == releaseTs, Wait);
            await Click(Bob, prompt);
            return await Finished(releaseTs);
        });
        await Scene("5. Slack delivers Carol's request twice, on both connections; Erin rejects it", async () =>
        {
            var before = env.Aws.Executions.Count;
            var ts = await SayTwice(Carol, "deploy app r-99.2.0");
            var prompt = await PromptIn(ts);
            output.WriteLine($"   (one event, two deliveries: executions {before} → {env.Aws.Executions.Count})");
            await Click(Erin, prompt, approve: false);
            return await Finished(ts);
        });
        await Scene("6. A release of ui fails at its CDN step", async () => await Finished(await Say(Alice, "run deploy ui r-80.0.0")));
        await Scene("7. While a release runs, a second one of the same service is refused", async () =>
        {
            var first = await Say(Alice, "run deploy app r-99.3.0");
            await PromptIn(first);
            var ts = await Say(Carol, "deploy app r-99.4.0");
            await ReplyTo(ts);
            return ts;
        });
        await Scene("8. status", async () => await ReplyTo(await Say(Bob, "status")));
        await Scene("9. A pipeline waits on Slack (socketdeployer gate ui); Carol and Erin approve, the pipeline goes on", PipelineGateAsync);
    }

    /// <summary>What a CI job does: the gate verb's own code path, its output printed as the job's log shows it.</summary>
    private async Task<string> PipelineGateAsync()
    {
        using var log = new StringWriter();
        var commandLine = DaemonCommandLine.Parse(
        [
            "gate", "ui", "--summary", "CI pipeline #512: migrate the sessions table", "--link", "https://ci.example.com/pipelines/512",
            "--requested-by", Alice, "--timeout", "10m", "--config", SandboxEnvironment.ShippedConfig,
            $"--Aws:Region={env.Aws.Region}", $"--Aws:SsmServiceUrl={env.Aws.ServiceUrl}",
        ]);
        var gate = GateVerb.RunAsync(commandLine, log, log);
        var announcement = await Slack.WaitForMessageAsync(
            m => m.IsBot && m.Channel == DeployChannel && m.Text.Contains("CI pipeline #512", StringComparison.Ordinal), Wait);
        var prompt = await PromptIn(announcement.Ts);
        await Click(Carol, prompt);
        await Slack.WaitForMessageAsync(m => m.Ts == prompt.Ts && m.EditCount > 0, Wait);
        await Click(Erin, prompt);
        var code = await gate.WaitAsync(Wait);
        foreach (var line in log.ToString().TrimEnd().Split('\n'))
        {
            output.WriteLine($"   pipeline> {line}");
        }

        output.WriteLine($"   pipeline> (exit {code})");
        return announcement.Ts;
    }

    private async Task Scene(string title, Func<Task<string>> play)
    {
        output.WriteLine();
        output.WriteLine($"── {title} ".PadRight(78, '─'));
        var ts = await play();
        output.WriteLine(Slack.RenderThread(DeployChannel, ts));
    }

    private Task<string> Say(string user, string text) => Slack.PostUserMessageAsync(DeployChannel, user, $"<@{Slack.BotUserId}> {text}");

    /// <summary>What Slack does after an ack timeout or across connections: the same event_id twice.</summary>
    private async Task<string> SayTwice(string user, string text)
    {
        // The person's message as the channel shows it; then Slack's two deliveries of its app_mention.
        var ts = await Slack.PostUserMessageAsync(DeployChannel, user, text);
        var payload = new System.Text.Json.Nodes.JsonObject
        {
            ["team_id"] = Slack.TeamId,
            ["api_app_id"] = "A0SANDBOX",
            ["type"] = "event_callback",
            ["event_id"] = "Ev0DEMOTWICE",
            ["event_time"] = 1800000000L,
            ["event"] = new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "app_mention", ["user"] = user, ["text"] = $"<@{Slack.BotUserId}> {text}", ["ts"] = ts, ["channel"] = DeployChannel, ["event_ts"] = ts,
            },
        };
        var connections = Slack.OpenConnectionIndexes;
        await Slack.SendEnvelopeAsync("events_api", payload, connections[0]);
        await Slack.SendEnvelopeAsync("events_api", (System.Text.Json.Nodes.JsonObject)payload.DeepClone(), connections[^1], retryAttempt: 1);
        return ts;
    }

    /// <summary>Waits until the status message (the start reply) shows how the release ended.</summary>
    private async Task<string> Finished(string ts)
    {
        await Slack.WaitForMessageAsync(
            m => m.IsBot && m.ThreadTs == ts && m.EditCount > 0 && m.Text.StartsWith(":white_check_mark:", StringComparison.Ordinal)
                 || (m.IsBot && m.ThreadTs == ts && m.EditCount > 0 && (m.Text.StartsWith(":x:", StringComparison.Ordinal) || m.Text.StartsWith(":octagonal_sign:", StringComparison.Ordinal))),
            Wait);
        await Slack.WaitForMessageAsync(m => m.IsBot && m.ThreadTs == ts && (m.Text.StartsWith(":tada:", StringComparison.Ordinal) || m.Text.Contains("Open the execution", StringComparison.Ordinal)), Wait);
        return ts;
    }

    private async Task<string> ReplyTo(string ts, Func<SlackMessageRecord, bool>? also = null)
    {
        await Slack.WaitForMessageAsync(m => m.IsBot && m.ThreadTs == ts && (also?.Invoke(m) ?? true), Wait);
        return ts;
    }

    private Task<SlackMessageRecord> PromptIn(string ts) => Slack.WaitForMessageAsync(
        m => m.IsBot && m.ThreadTs == ts && m.Blocks?.ToJsonString().Contains(ApprovalMessages.ApproveAction, StringComparison.Ordinal) == true, Wait);

    private Task Click(string user, SlackMessageRecord prompt, bool approve = true)
    {
        var execution = env.Aws.Executions.Last(e => e.Tags.TryGetValue("socketdeployer:thread", out var t) && t.EndsWith(prompt.ThreadTs!, StringComparison.Ordinal));
        return Slack.ClickButtonAsync(user, prompt.Channel, prompt.Ts, approve ? ApprovalMessages.ApproveAction : ApprovalMessages.RejectAction,
            ApprovalMessages.ButtonValue(execution.Id, "approve"));
    }
}
