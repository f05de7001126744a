using System.Text.RegularExpressions;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Sandbox.Slack;
using SocketDeployer.Tests.Support;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

public class ReleaseFlowTests : SandboxTest
{
    protected override bool RunAutomations => true;

    private Task<SlackMessageRecord> PromptIn(string ts) =>
        BotReplyIn(ts, m => m.Blocks?.ToJsonString().Contains(ApprovalMessages.ApproveAction, StringComparison.Ordinal) == true);

    private Task Click(string user, SlackMessageRecord prompt, bool approve = true) =>
        Slack.ClickButtonAsync(user, prompt.Channel, prompt.Ts, approve ? ApprovalMessages.ApproveAction : ApprovalMessages.RejectAction,
            ApprovalMessages.ButtonValue(Env.Aws.Executions.Single().Id, "approve"));

    [Test]
    public async Task AWholeReleaseHappensInOneThread()
    {
        var ts = await Say(Alice, "run deploy app r-99.1.0");
        var status = await BotReplyIn(ts);
        var prompt = await PromptIn(ts);
        Assert.Multiple(() =>
        {
            Assert.That(prompt.Text, Does.Contain("*app*").And.Contain("r-99.1.0").And.Contain($"<@{Alice}>"));
            Assert.That(prompt.Text, Does.Contain($"<!subteam^{ProdApprovers}>").And.Contain($"<@{Bob}>"));
            Assert.That(prompt.Blocks!.ToJsonString(), Does.Contain("Roll out to production?").And.Contain("Deploy app r-99.1.0 to production?"));
        });

        await Click(Bob, prompt);
        await BotReplyIn(ts, m => m.Text.Contains("is live", StringComparison.Ordinal) && m.Ts != status.Ts);
        var execution = Env.Aws.Executions.Single();
        var thread = Slack.RenderThread(DeployChannel, ts);
        TestContext.Out.WriteLine(thread);
        Assert.Multiple(() =>
        {
            Assert.That(execution.Status, Is.EqualTo("Success"));
            Assert.That(execution.Signals.Single().SignalType, Is.EqualTo("Approve"));
            Assert.That(string.Join(' ', execution.Signals.Single().Comment), Does.Contain("bob").And.Contain(Bob));
            Assert.That(Slack.Thread(DeployChannel, ts).Single(m => m.Ts == prompt.Ts).Text, Does.Contain($"Approved by <@{Bob}>"));
            Assert.That(Slack.Thread(DeployChannel, ts).Single(m => m.Ts == prompt.Ts).Blocks!.ToJsonString(), Does.Not.Contain(ApprovalMessages.ApproveAction));
            Assert.That(BotMessagesIn(ts).Where(m => m.Ts != status.Ts).Select(m => m.Text), Has.None.Contains("*build*").And.None.Contains("*rollout*"), "finished steps have no posts of their own");
        });
        await WaitUntilAsync(() => Slack.Thread(DeployChannel, ts).Single(m => m.Ts == status.Ts).Text.Contains("deployed in", StringComparison.Ordinal));
        var bot = BotMessagesIn(ts);
        Assert.Multiple(() =>
        {
            Assert.That(bot.Select(m => m.Ts), Is.EqualTo(new[] { status.Ts, prompt.Ts, bot[^1].Ts }), "a clean release is three posts: start reply, prompt, result");
            Assert.That(bot[^1].Text, Does.StartWith(":tada:"));
            Assert.That(bot[0].Text.Split('\n').Skip(1).Select(line => Regex.Replace(line, @" \(\d+s\)$", "")), Is.EqualTo(new[]
            {
                ":white_check_mark: *build* succeeded", ":white_check_mark: *updateParameters* succeeded", ":white_check_mark: *approve* approved",
                ":white_check_mark: *rollout* succeeded",
            }), "the status message shows every step's end, each with its duration");
        });
        Assert.That(await AuditLinesAsync(), Has.Some.Contains("\"event\":\"approve\"").And.Some.Contains("\"event\":\"end\""));
    }

    [Test]
    public async Task TheRequesterCannotApproveTheirOwnRelease()
    {
        var ts = await Say(Carol, "run deploy app r-99.1.0");
        var prompt = await PromptIn(ts);
        await Click(Carol, prompt);
        var refusal = await EphemeralTo(Carol, ts);
        Assert.Multiple(() =>
        {
            Assert.That(refusal.Text, Does.Contain("someone else has to approve"));
            Assert.That(Env.Aws.Executions.Single().Signals, Is.Empty);
            Assert.That(Env.Aws.Executions.Single().Status, Is.EqualTo("Waiting"));
        });
    }

    [Test]
    public async Task SomeoneWhoIsNotAnApproverIsRefused()
    {
        var ts = await Say(Alice, "run deploy app r-99.1.0");
        var prompt = await PromptIn(ts);
        await Click(Dave, prompt);
        var refusal = await EphemeralTo(Dave, ts);
        Assert.Multiple(() =>
        {
            Assert.That(refusal.Text, Does.Contain("not an approver of *app*"));
            Assert.That(Env.Aws.Executions.Single().Signals, Is.Empty);
        });
    }

    [Test]
    public async Task RejectStopsTheReleaseAndSaysWho()
    {
        var ts = await Say(Alice, "run deploy app r-99.1.0");
        var prompt = await PromptIn(ts);
        await Click(Erin, prompt, approve: false);
        await BotReplyIn(ts, m => m.Text.StartsWith(":no_entry_sign:", StringComparison.Ordinal) && m.Text.Contains("was rejected at step *approve*", StringComparison.Ordinal));
        var execution = Env.Aws.Executions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(execution.Signals.Single().SignalType, Is.EqualTo("Reject"));
            Assert.That(Slack.Thread(DeployChannel, ts).Single(m => m.Ts == prompt.Ts).Text, Does.Contain($"Rejected by <@{Erin}>"));
        });
    }

    [Test]
    public async Task AClickAfterTheDecisionIsToldWhoDecided()
    {
        var ts = await Say(Alice, "run deploy app r-99.1.0");
        var prompt = await PromptIn(ts);
        await Click(Bob, prompt);
        await WaitUntilAsync(() => Env.Aws.Executions.Single().Signals.Count == 1);

        // Erin's Slack client still shows the buttons: the click arrives although they were replaced.
        await Slack.SendEnvelopeAsync("interactive", ClickPayloads.Button(
            Slack.TeamId, Erin, prompt.Channel, prompt.Ts, ApprovalMessages.ApproveAction, ApprovalMessages.ButtonValue(Env.Aws.Executions.Single().Id, "approve")));
        var late = await EphemeralTo(Erin, ts);
        Assert.Multiple(() =>
        {
            Assert.That(late.Text, Does.Contain("Already approved by").And.Contain($"<@{Bob}>"));
            Assert.That(Env.Aws.Executions.Single().Signals, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task TwoApproversClickingAtOnceProduceOneSignal()
    {
        var ts = await Say(Alice, "run deploy app r-99.1.0");
        var prompt = await PromptIn(ts);
        await Task.WhenAll(Click(Bob, prompt), Click(Erin, prompt));
        await BotReplyIn(ts, m => m.Text.Contains("is live", StringComparison.Ordinal) && m.Text.StartsWith(":tada:", StringComparison.Ordinal));
        Assert.That(Env.Aws.Executions.Single().Signals, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AQuorumOfTwoNeedsTwoDistinctApprovers()
    {
        var ts = await Say(Alice, "run deploy ui r-80.0.0");
        var prompt = await PromptIn(ts);
        await Click(Erin, prompt);
        await WaitUntilAsync(() => Slack.Thread(DeployChannel, ts).Single(m => m.Ts == prompt.Ts).Blocks!.ToJsonString().Contains("1 of 2 approvals", StringComparison.Ordinal));
        Assert.That(Env.Aws.Executions.Single().Signals, Is.Empty, "one approval of two signals nothing");
        await Click(Erin, prompt);
        await EphemeralTo(Erin, ts);
        Assert.That(Env.Aws.Executions.Single().Signals, Is.Empty, "the same approver twice is still one");
        await Click(Carol, prompt);
        await BotReplyIn(ts, m => m.Text.StartsWith(":tada:", StringComparison.Ordinal));
        var comment = string.Join(' ', Env.Aws.Executions.Single().Signals.Single().Comment);
        Assert.That(comment, Does.Contain(Erin).And.Contain(Carol));
    }
}
