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
internal sealed partial class ScriptedSession(SandboxEnvironment env, TextWriter output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private SlackWorkspace Slack => env.Slack;

    public static void RegisterDocuments(AwsSandbox aws)
    {
        SandboxDocuments.Register(aws);
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal) { ["ReleaseTag"] = null, ["RequestedBy"] = null };
        // The ui release of the session fails at its last step, clearing the CDN, to show what a failure looks like.
        aws.RegisterDocument("Deploy-UI", "3",
        [
            .. SandboxDocuments.UiSteps.Where(s => s.Name != "clearCdn"),
            new("clearCdn", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(100), Outcome = "Failed", FailureMessage = "CloudFront CreateInvalidation: AccessDenied" },
        ], parameters);
    }

    public async Task RunAsync()
    {
        await Scene("1. Dave asks what he can deploy", async () => [await ReplyTo(await Say(Dave, "help"))]);
        await Scene("2. Dave is not a deployer, so only he sees the refusal", async () =>
        {
            var ts = await Say(Dave, "run deploy app r-99.1.0");
            await Slack.WaitForMessageAsync(m => m.EphemeralFor == Dave && m.ThreadTs == ts, Wait);
            return [ts];
        });
        await Scene("3. Alice mistypes the version", async () => [await ReplyTo(await Say(Alice, "run deploy app 99.1.0"))]);
        await Scene("4. Alice releases app r-99.1.0; she cannot approve her own release; Bob approves", async () =>
        {
            var ts = await Say(Alice, "run deploy app r-99.1.0");
            var prompt = await PromptIn(ts);
            await Click(Alice, prompt);
            await Slack.WaitForMessageAsync(m => m.EphemeralFor == Alice && m.ThreadTs == ts, Wait);
            await Click(Bob, prompt);
            return [await Finished(ts)];
        });
        await Scene("5. Carol asks for app r-99.2.0 and Slack delivers her message twice; Erin rejects the release", async () =>
        {
            var before = env.Aws.Executions.Count;
            var ts = await SayTwice(Carol, "run deploy app r-99.2.0");
            var prompt = await PromptIn(ts);
            var started = env.Aws.Executions.Count - before;
            output.WriteLine(started == 1
                ? "   Slack sent the daemon Carol's message twice (once on each connection); it started one release, not two."
                : $"   Slack sent the daemon Carol's message twice; it started {started} releases.");
            await Click(Erin, prompt, approve: false);
            return [await Finished(ts)];
        });
        await Scene("6. ui needs two approvals: Erin's, then Carol's; its last step, clearing the CDN, fails", async () =>
        {
            var ts = await Say(Alice, "run deploy ui r-80.0.0");
            var prompt = await PromptIn(ts);
            await Click(Erin, prompt);
            await Slack.WaitForMessageAsync(m => m.Ts == prompt.Ts && m.Blocks?.ToJsonString().Contains("1 of 2", StringComparison.Ordinal) == true, Wait);
            await Click(Carol, prompt);
            return [await Finished(ts)];
        });
        await Scene("7. While Alice's app r-99.3.0 waits for approval, Carol's r-99.4.0 is refused; then Alice cancels hers", async () =>
        {
            var first = await Say(Alice, "run deploy app r-99.3.0");
            await PromptIn(first);
            var second = await Say(Carol, "run deploy app r-99.4.0");
            await ReplyTo(second);
            var execution = ExecutionOf(first);
            await Say(Alice, $"cancel {execution.Id}", first);
            return [await Finished(first), second];
        });
        await Scene("8. Bob asks for the status: nothing is running any more", async () => [await ReplyTo(await Say(Bob, "status"))]);
        await Scene("9. Bob asks for app's history: every release so far, read from SSM", async () => [await ReplyTo(await Say(Bob, "history app"))]);
        await Scene("10. Alice asks what deploying app r-99.5.0 would do: nothing starts", async () => [await ReplyTo(await Say(Alice, "plan deploy app r-99.5.0"))]);
        await Scene("11. Alice releases app r-99.5.0; the prompt shows r-99.1.0 is live and links the comparison; Bob approves", async () =>
        {
            var ts = await Say(Alice, "run deploy app r-99.5.0");
            await Click(Bob, await PromptIn(ts));
            return [await Finished(ts)];
        });
        await Scene("12. r-99.5.0 misbehaves: Carol rolls app back; the thread and the prompt say from r-99.5.0 to r-99.1.0; Bob approves", async () =>
        {
            var ts = await Say(Carol, "rollback app");
            await Click(Bob, await PromptIn(ts));
            return [await Finished(ts)];
        });
        await Scene("13. A pipeline waits on Slack (socketdeployer gate ui, asked by alice@example.com); Carol and Erin approve, the pipeline goes on", async () => [await PipelineGateAsync()]);
        await Scene("14. A job with only the AWS CLI starts the gate document itself; Alice (named by email) cannot approve, Bob does", async () => [await CliGateAsync()]);
    }

    /// <summary>What a CI job does: the gate verb's own code path, its output printed as the job's log shows it.</summary>
    private async Task<string> PipelineGateAsync()
    {
        using var log = new StringWriter();
        var commandLine = DaemonCommandLine.Parse(
        [
            "gate", "ui", "--summary", "CI pipeline #512: migrate the sessions table", "--link", "https://ci.example.com/pipelines/512",
            "--requested-by", "alice@example.com", "--timeout", "10m", "--config", SandboxEnvironment.ShippedConfig,
            $"--Aws:Region={env.Aws.Region}", $"--Aws:SsmServiceUrl={env.Aws.ServiceUrl}",
        ]);
        var gate = GateVerb.RunAsync(commandLine, log, log, env.AddAwsCredentials);
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
        return await Finished(announcement.Ts);
    }

    private async Task Scene(string title, Func<Task<string[]>> play)
    {
        output.WriteLine();
        output.WriteLine($"── {title} ".PadRight(Math.Max(78, title.Length + 4), '─'));
        foreach (var ts in await play())
        {
            output.WriteLine(Slack.RenderThread(DeployChannel, ts));
        }
    }

    private Task<string> Say(string user, string text, string? threadTs = null) =>
        Slack.PostUserMessageAsync(DeployChannel, user, $"<@{Slack.BotUserId}> {text}", threadTs);

    /// <summary>What Slack does when it lost an ack: the same event (same event_id) again, on the other connection.</summary>
    private Task<string> SayTwice(string user, string text)
    {
        Slack.DuplicateNext("events_api");
        return Say(user, text);
    }

    /// <summary>Waits until the release's result is posted and its status message shows how it ended.</summary>
    private async Task<string> Finished(string ts)
    {
        await Slack.WaitForMessageAsync(m => m.IsBot && m.ThreadTs == ts && IsResult(m), Wait);
        var statusTs = ExecutionOf(ts).Tags[Core.Flow.Releases.ExecutionTags.StatusTs];
        await Slack.WaitForMessageAsync(
            m => m.Ts == statusTs && !m.Text.StartsWith(":rocket:", StringComparison.Ordinal) && !m.Text.StartsWith(":raised_hand:", StringComparison.Ordinal)
                && !m.Text.StartsWith(":rewind:", StringComparison.Ordinal), Wait);
        return ts;
    }

    private static bool IsResult(SlackMessageRecord m) =>
        m.Text.StartsWith(":tada:", StringComparison.Ordinal) || m.Text.Contains("Open the execution in the AWS console", StringComparison.Ordinal);

    private async Task<string> ReplyTo(string ts)
    {
        await Slack.WaitForMessageAsync(m => m.IsBot && m.ThreadTs == ts, Wait);
        return ts;
    }

    private Task<SlackMessageRecord> PromptIn(string ts) => Slack.WaitForMessageAsync(
        m => m.IsBot && m.ThreadTs == ts && m.Blocks?.ToJsonString().Contains(ApprovalMessages.ApproveAction, StringComparison.Ordinal) == true, Wait);

    private SandboxExecution ExecutionOf(string threadTs) =>
        env.Aws.Executions.Last(e => e.Tags.TryGetValue("socketdeployer:thread", out var t) && t.EndsWith(threadTs, StringComparison.Ordinal));

    private Task Click(string user, SlackMessageRecord prompt, bool approve = true) =>
        Slack.ClickButtonAsync(user, prompt.Channel, prompt.Ts, approve ? ApprovalMessages.ApproveAction : ApprovalMessages.RejectAction,
            ApprovalMessages.ButtonValue(ExecutionOf(prompt.ThreadTs!).Id, "approve"));
}
