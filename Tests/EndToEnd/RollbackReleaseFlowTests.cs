using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Sandbox.Slack;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

/// <summary>Whole releases: the prompt says what is live and what changes, a rollback says it is one, and the history
/// then shows who approved it.</summary>
public class RollbackReleaseFlowTests : SandboxTest
{
    protected override bool RunAutomations => true;

    private Task<SlackMessageRecord> PromptIn(string ts) =>
        BotReplyIn(ts, m => m.Blocks?.ToJsonString().Contains(ApprovalMessages.ApproveAction, StringComparison.Ordinal) == true);

    private string StartedBy(string ts) =>
        Env.Aws.Executions.Single(e => e.Tags.GetValueOrDefault(ExecutionTags.Thread) == $"{DeployChannel}/{ts}").Id;

    private Task Approve(string user, SlackMessageRecord prompt, string executionId) =>
        Slack.ClickButtonAsync(user, prompt.Channel, prompt.Ts, ApprovalMessages.ApproveAction, ApprovalMessages.ButtonValue(executionId, "approve"));

    [Test]
    public async Task ThePromptShowsTheLiveVersionAndTheComparison()
    {
        Env.Aws.Seed("app", "r-99.1.0", "Success");
        var ts = await Say(Alice, "run deploy app r-99.2.0");
        var prompt = await PromptIn(ts);
        var text = string.Join('\n', prompt.Blocks!.Select(b => b!.ToJsonString()));
        Assert.Multiple(() =>
        {
            Assert.That(prompt.Text, Does.StartWith(":raised_hand: Approval needed to deploy *app* `r-99.2.0`"));
            Assert.That(text, Does.Contain("Live now: \\u0060r-99.1.0\\u0060"));
            Assert.That(text, Does.Contain("https://github.com/example/app/compare/r-99.1.0...r-99.2.0"));
        });
    }

    [Test]
    public async Task ARollbackIsPromptedAsOneAndTheHistoryShowsIt()
    {
        Env.Aws.Seed("app", "r-99.1.0", "Success");
        Env.Aws.Seed("app", "r-99.2.0", "Success");
        var ts = await Say(Alice, "rollback app");
        var status = await BotReplyIn(ts);
        var prompt = await PromptIn(ts);
        Assert.Multiple(() =>
        {
            Assert.That(status.Text, Does.StartWith($":rewind: <@{Alice}> started a rollback of *app* from `r-99.2.0` to `r-99.1.0`"));
            Assert.That(prompt.Text, Does.StartWith($":raised_hand: Approval needed to roll back *app* from `r-99.2.0` to `r-99.1.0`, requested by <@{Alice}>"));
            Assert.That(prompt.Blocks!.ToJsonString(), Does.Contain("compare/r-99.2.0...r-99.1.0"));
        });

        await Approve(Bob, prompt, StartedBy(ts));
        await BotReplyIn(ts, m => m.Text.Contains("is live", StringComparison.Ordinal) && m.Ts != status.Ts);

        var history = await BotReplyIn(await Say(Dave, "history app 3"));
        Assert.Multiple(() =>
        {
            Assert.That(history.Text, Does.Contain($":rewind: rollback to `r-99.1.0` — :white_check_mark: Success in ").And.Contain($"approved by <@{Bob}>"));
            Assert.That(history.Text.IndexOf(":rewind:", StringComparison.Ordinal), Is.LessThan(history.Text.IndexOf("`r-99.2.0`", StringComparison.Ordinal)), "newest first");
        });

        // What is live now is the rolled-back version.
        var plan = await BotReplyIn(await Say(Alice, "plan deploy app r-99.3.0"));
        Assert.That(plan.Text, Does.Contain("Live now: `r-99.1.0`"));
    }
}
