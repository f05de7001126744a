using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Sandbox.Slack;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

/// <summary>What the audit log says of a release's approval: each refused click names the rule that refused it, a
/// rejection carries the rejection's own words, and the step is a field of its own.</summary>
public class ApprovalAuditTests : SandboxTest
{
    protected override bool RunAutomations => true;

    [Test]
    public async Task RefusedClicksSayWhyAndTheRejectionIsItsReason()
    {
        var ts = await Say(Carol, "run deploy app r-99.1.0");
        var prompt = await BotReplyIn(ts, m => m.Blocks?.ToJsonString().Contains(ApprovalMessages.ApproveAction, StringComparison.Ordinal) == true);
        await Click(Carol, prompt);
        await EphemeralTo(Carol, ts);
        await Click(Dave, prompt);
        await EphemeralTo(Dave, ts);
        await Click(Erin, prompt, approve: false);
        await BotReplyIn(ts, m => m.Text.Contains("was rejected at step *approve*", StringComparison.Ordinal));
        await WaitUntilAsync(async () => (await AuditLinesAsync()).Any(l => l.Contains("\"event\":\"end\"", StringComparison.Ordinal)));

        var audit = await AuditLinesAsync();
        TestContext.Out.WriteLine(string.Join('\n', audit));
        Assert.Multiple(() =>
        {
            Assert.That(Line(audit, Carol, "\"outcome\":\"refused\""), Does.Contain("\"reason\":\"requester cannot approve their own release\"").And.Contain("\"step\":\"approve\""));
            Assert.That(Line(audit, Dave, "\"outcome\":\"refused\""), Does.Contain("\"reason\":\"not an approver of app\""));
            Assert.That(Line(audit, Erin, "\"event\":\"reject\""), Does.Contain("\"outcome\":\"rejected\"")
                .And.Contain("\"reason\":\"Rejected in Slack by erin (U0ERIN)\"").And.Contain("\"step\":\"approve\""));
            Assert.That(audit.Single(l => l.Contains("\"event\":\"end\"", StringComparison.Ordinal)), Does.Contain("\"outcome\":\"Rejected\""));
            Assert.That(audit.Single(l => l.Contains("\"event\":\"prompt\"", StringComparison.Ordinal)), Does.Contain("\"step\":\"approve\"").And.Not.Contain("\"reason\""));
            Assert.That(audit, Has.None.Contains("\"reason\":\"approve\"").And.None.Contains("\"reason\":\"not allowed\""));
        });
    }

    private static string Line(string[] audit, string user, string also) =>
        audit.Single(l => l.Contains($"\"user\":\"{user}\"", StringComparison.Ordinal) && l.Contains(also, StringComparison.Ordinal) && !l.Contains("\"event\":\"request\"", StringComparison.Ordinal));

    private Task Click(string user, SlackMessageRecord prompt, bool approve = true) =>
        Slack.ClickButtonAsync(user, prompt.Channel, prompt.Ts, approve ? ApprovalMessages.ApproveAction : ApprovalMessages.RejectAction,
            ApprovalMessages.ButtonValue(Env.Aws.Executions.Single().Id, "approve"));
}
