using System.Text.RegularExpressions;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Tests.FlowProgress;

public partial class ApprovalTagsTests
{
    private const string Step = "7d0c7a55-4ce1-4f1b-8c3e-1f0e7b4c2a11";
    private const string PromptTs = "1700000000.000300";
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1_732_909_405);

    private static Dictionary<string, string> Tags(params (string Key, string Value)[] tags) =>
        tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$")]
    private static partial Regex SsmTagValue();

    [Test]
    public void ValuesKeepToTheSsmTagAlphabet()
    {
        string[] values =
        [
            $"{Step}@{PromptTs}",
            ApprovalTags.ApprovalsValue(Step, ["U0ERIN", "U0CAROL", "W0ENTERPRISE"]),
            ApprovalTags.DecisionValue(Step, "approved", ["U0ERIN", "U0CAROL"], At),
            ApprovalTags.DecisionValue(Step, "ended", [], At),
            ApprovalTags.ApprovalsValue(Step, Enumerable.Range(0, 10).Select(i => $"U0APPROVER{i}")),
        ];
        Assert.That(values, Has.All.Matches(SsmTagValue()));
    }

    [Test]
    public void ReadsThePromptApprovalsAndDecision()
    {
        var tags = ApprovalTags.From(Tags(
            (ExecutionTags.Prompt, $"{Step}@{PromptTs}"),
            (ExecutionTags.Approvals, ApprovalTags.ApprovalsValue(Step, ["U0ERIN"])),
            (ExecutionTags.Decision, ApprovalTags.DecisionValue(Step, "approved", ["U0ERIN", "U0CAROL"], At))));
        Assert.Multiple(() =>
        {
            Assert.That(tags.PromptStep, Is.EqualTo(Step));
            Assert.That(tags.PromptTs, Is.EqualTo(PromptTs));
            Assert.That(tags.Approvals, Is.EqualTo(new[] { "U0ERIN" }));
            Assert.That(tags.DecisionKind, Is.EqualTo("approved"));
            Assert.That(tags.DecidedBy, Is.EqualTo(new[] { "U0ERIN", "U0CAROL" }));
        });
    }

    [Test]
    public void AnEndedDecisionHasNobodyBehindIt()
    {
        var tags = ApprovalTags.From(Tags((ExecutionTags.Prompt, $"{Step}@{PromptTs}"), (ExecutionTags.Decision, ApprovalTags.DecisionValue(Step, "ended", [], At))));
        Assert.Multiple(() =>
        {
            Assert.That(tags.DecisionKind, Is.EqualTo("ended"));
            Assert.That(tags.DecidedBy, Is.Empty);
        });
    }

    [Test]
    public void ApprovalsAndDecisionsOfAnEarlierApprovalStepDoNotCarryOver()
    {
        var tags = ApprovalTags.From(Tags(
            (ExecutionTags.Prompt, $"second-step@{PromptTs}"),
            (ExecutionTags.Approvals, ApprovalTags.ApprovalsValue(Step, ["U0ERIN"])),
            (ExecutionTags.Decision, ApprovalTags.DecisionValue(Step, "approved", ["U0ERIN"], At))));
        Assert.Multiple(() =>
        {
            Assert.That(tags.PromptStep, Is.EqualTo("second-step"));
            Assert.That(tags.Approvals, Is.Empty);
            Assert.That(tags.DecisionKind, Is.Null);
        });
    }

    [TestCase("")]
    [TestCase("@1700000000.000300")]
    [TestCase("no-at-sign")]
    public void AMalformedPromptTagMeansNoPrompt(string prompt)
    {
        var tags = ApprovalTags.From(Tags((ExecutionTags.Prompt, prompt)));
        Assert.Multiple(() =>
        {
            Assert.That(tags.PromptStep, Is.Null);
            Assert.That(tags.PromptTs, Is.Null);
        });
    }

    [TestCase("too/many/parts/here/really")]
    [TestCase("only-one-part")]
    public void AMalformedDecisionTagIsNoDecision(string decision) =>
        Assert.That(ApprovalTags.From(Tags((ExecutionTags.Prompt, $"{Step}@{PromptTs}"), (ExecutionTags.Decision, decision))).DecisionKind, Is.Null);

    [Test]
    public void NoTagsNoApprovalState()
    {
        var tags = ApprovalTags.From(Tags());
        Assert.Multiple(() =>
        {
            Assert.That(tags.PromptStep, Is.Null);
            Assert.That(tags.Approvals, Is.Empty);
            Assert.That(tags.DecisionKind, Is.Null);
        });
    }
}
