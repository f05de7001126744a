using System.Text.Json.Nodes;
using SocketDeployer.Core.Flow;
using SocketDeployer.Core.Flow.Approval;

namespace SocketDeployer.Tests.FlowProgress;

public class ApprovalMessagesTests
{
    private static JsonArray PromptBlocks(string version = "r-99.1.0", string? message = "Roll out to production?", int required = 1, string[]? approvals = null) =>
        ApprovalMessages.Prompt(Samples.Release(version), Samples.Service(required), "approve", message, approvals ?? [], Samples.Console).Blocks!;

    private static JsonArray Buttons(JsonArray blocks) => blocks.Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]!.AsArray();

    [Test]
    public void ThePromptHasOneActionsBlockWithApproveAndReject()
    {
        var buttons = Buttons(PromptBlocks());
        Assert.Multiple(() =>
        {
            Assert.That(buttons, Has.Count.EqualTo(2));
            Assert.That(buttons.Select(b => b!["action_id"]!.GetValue<string>()), Is.EqualTo(new[] { "socketdeployer.approve", "socketdeployer.reject" }));
            Assert.That(buttons.Select(b => b!["value"]!.GetValue<string>()), Has.All.EqualTo($"{Samples.ExecutionId}/approve"));
            Assert.That(buttons.Select(b => b!["style"]!.GetValue<string>()), Is.EqualTo(new[] { "primary", "danger" }));
        });
    }

    [Test]
    public void ApproveAsksForConfirmationNamingServiceAndVersion()
    {
        var confirm = Buttons(PromptBlocks())[0]!["confirm"]!;
        Assert.Multiple(() =>
        {
            Assert.That(confirm["text"]!["text"]!.GetValue<string>(), Is.EqualTo("Deploy app r-99.1.0 to production?"));
            Assert.That(confirm["text"]!["type"]!.GetValue<string>(), Is.EqualTo("plain_text"));
            Assert.That(Buttons(PromptBlocks())[1]!["confirm"], Is.Null, "rejecting needs no second thought");
        });
    }

    [Test]
    public void ApproversAreListedWithUserGroupsAsSubteamMentions()
    {
        var prompt = ApprovalMessages.Prompt(Samples.Release(), Samples.Service(), "approve", null, [], Samples.Console);
        Assert.Multiple(() =>
        {
            Assert.That(prompt.Text, Does.Contain("approvers: <@U0BOB>, <!subteam^S0PRODAPPROVERS>"));
            Assert.That(prompt.Blocks!.ToJsonString(), Does.Contain("1 needed"));
        });
    }

    [Test]
    public void VersionAndMessageAreEscaped()
    {
        var confirm = Buttons(PromptBlocks(version: "r-1<!here>", message: "Ship *it* <!channel> & go"))[0]!["confirm"]!["text"]!["text"]!.GetValue<string>();
        var section = PromptBlocks(version: "r-1<!here>", message: "Ship *it* <!channel> & go")[0]!["text"]!["text"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(section, Does.Contain("`r-1&lt;!here&gt;`").And.Contain("> Ship *it* &lt;!channel&gt; &amp; go"));
            Assert.That(section, Does.Not.Contain("<!channel>").And.Not.Contain("<!here>"));
            Assert.That(confirm, Is.EqualTo("Deploy app r-1<!here> to production?"), "plain_text is not mrkdwn: shown as typed");
        });
    }

    [Test]
    public void EveryTextStaysWithinSlackLimits()
    {
        var blocks = PromptBlocks(version: "r-" + new string('9', 500), message: new string('m', 10_000));
        Assert.Multiple(() =>
        {
            Assert.That(blocks, Has.Count.LessThanOrEqualTo(50));
            Assert.That(blocks[0]!["text"]!["text"]!.GetValue<string>(), Has.Length.LessThanOrEqualTo(BlockKit.SectionLimit));
            Assert.That(Buttons(blocks)[0]!["confirm"]!["text"]!["text"]!.GetValue<string>(), Has.Length.LessThanOrEqualTo(300));
            Assert.That(Buttons(blocks).Select(b => b!["value"]!.GetValue<string>().Length), Has.All.LessThanOrEqualTo(2000));
        });
    }

    [Test]
    public void PartialApprovalsShowTheQuorum() =>
        Assert.That(PromptBlocks(required: 2, approvals: ["U0ERIN"])[1]!["elements"]![0]!["text"]!.GetValue<string>(), Does.Contain("1 of 2 approvals: <@U0ERIN>"));

    [Test]
    public void TheDecisionReplacesTheButtons()
    {
        var at = new DateTimeOffset(2024, 11, 29, 19, 43, 25, TimeSpan.Zero);
        var decided = ApprovalMessages.Decided(Samples.Release(), "Roll out?", ApprovalMessages.Approved(["U0BOB"], at));
        Assert.Multiple(() =>
        {
            Assert.That(decided.Text, Does.EndWith(":white_check_mark: Approved by <@U0BOB> at 19:43 UTC"));
            Assert.That(decided.Blocks!.ToJsonString(), Does.Not.Contain("socketdeployer.approve").And.Not.Contain("\"actions\""));
            Assert.That(ApprovalMessages.Rejected("U0ERIN", at), Is.EqualTo(":no_entry_sign: Rejected by <@U0ERIN> at 19:43 UTC"));
        });
    }

    [TestCase("TimedOut", "timed out without a decision")]
    [TestCase("Cancelled", "cancelled before a decision")]
    [TestCase("Success", "Approved outside Slack")]
    [TestCase("Failed", "ended (Failed) without a decision in Slack")]
    public void AnApprovalThatEndedOutsideSlackSaysHow(string status, string expected) =>
        Assert.That(ApprovalMessages.EndedOutsideSlack(status), Does.Contain(expected));
}
