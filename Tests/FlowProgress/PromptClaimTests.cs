using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Core.Flow.Progress;
using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Tests.FlowProgress;

/// <summary>One prompt per approval step across instances: the instance whose claim is in the store posts it; another
/// instance's event for it comes back until the prompt is tagged, and takes over a claim whose owner died.</summary>
public class PromptClaimTests
{
    private const string StepKey = "approve-1";

    private static async Task<ProgressRig> WaitingForApprovalClaimedElsewhereAsync()
    {
        var rig = ProgressRig.Create();
        rig.Ssm.SetStep("approve", "aws:approve", "InProgress");
        rig.Ssm.SetStatus("Waiting");
        await rig.PromptClaims.ClaimAsync(rig.ExecutionId, StepKey, "another-instance", rig.Time.GetUtcNow(), CancellationToken.None);
        return rig;
    }

    private static int Prompts(ProgressRig rig) => rig.Slack.Thread.Count(t => t.Contains("Approval needed", StringComparison.Ordinal));

    [Test]
    public async Task APromptAnotherInstanceClaimedIsLeftToItAndItsEventComesBackUntilItIsTagged()
    {
        var rig = await WaitingForApprovalClaimedElsewhereAsync();

        Assert.That(await rig.Apply(rig.Execution("Waiting")), Is.EqualTo(ProgressOutcome.NotYet));
        Assert.That(Prompts(rig), Is.Zero);
        await rig.Ssm.AddTagsAsync(rig.ExecutionId, new Dictionary<string, string>(StringComparer.Ordinal) { [ExecutionTags.Prompt] = $"{StepKey}@1700000000.000900" }, CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(await rig.Apply(rig.Execution("Waiting")), Is.EqualTo(ProgressOutcome.Applied), "the other instance posted it");
            Assert.That(Prompts(rig), Is.Zero);
        });
    }

    [Test]
    public async Task APromptWhoseClaimantDiedIsPostedOnceAfterTheGrace()
    {
        var rig = await WaitingForApprovalClaimedElsewhereAsync();
        Assert.That(await rig.Apply(rig.Step("approve", "InProgress", "aws:approve")), Is.EqualTo(ProgressOutcome.NotYet));

        rig.Time.Advance(ApprovalPrompter.ClaimGrace);
        Assert.Multiple(async () =>
        {
            Assert.That(await rig.Apply(rig.Step("approve", "InProgress", "aws:approve")), Is.EqualTo(ProgressOutcome.Applied));
            Assert.That(await rig.Apply(rig.Execution("Waiting")), Is.EqualTo(ProgressOutcome.Applied));
            Assert.That(Prompts(rig), Is.EqualTo(1));
            Assert.That(rig.Logs.Collector.GetSnapshot().Count(r => r.Id.Id == 2107), Is.EqualTo(1), "the takeover is a warning");
        });
    }

    [Test]
    public async Task AnUnclaimedPromptIsClaimedAndPostedOnce()
    {
        var rig = ProgressRig.Create();
        rig.Ssm.SetStep("approve", "aws:approve", "InProgress");
        rig.Ssm.SetStatus("Waiting");
        await rig.ApplyAll([rig.Execution("Waiting"), rig.Step("approve", "InProgress", "aws:approve"), rig.Execution("Waiting")]);
        var claim = await rig.PromptClaims.ClaimAsync(rig.ExecutionId, StepKey, "another-instance", rig.Time.GetUtcNow(), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(Prompts(rig), Is.EqualTo(1));
            Assert.That(claim?.Owner, Is.Not.EqualTo("another-instance"), "the rig's instance holds the claim");
        });
    }
}
