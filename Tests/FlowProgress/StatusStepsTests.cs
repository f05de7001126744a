using SocketDeployer.Core.Flow;
using SocketDeployer.Core.Flow.Progress;

namespace SocketDeployer.Tests.FlowProgress;

/// <summary>The status message's step lines: every step with its state and duration, in place of a post per step.</summary>
public class StatusStepsTests
{
    private static readonly DateTimeOffset Start = new(2024, 11, 29, 19, 43, 25, TimeSpan.Zero);

    [TestCase("Success", false, ":white_check_mark: *build* succeeded (12s)")]
    [TestCase("Failed", false, ":x: *build* failed (12s)")]
    [TestCase("TimedOut", false, ":alarm_clock: *build* timed out (12s)")]
    [TestCase("Cancelled", false, ":octagonal_sign: *build* was cancelled (12s)")]
    [TestCase("Success", true, ":white_check_mark: *build* approved (12s)")]
    [TestCase("Failed", true, ":no_entry_sign: *build* rejected (12s)")]
    public void AnEndedStepShowsItsOutcomeAndDuration(string status, bool approval, string expected) =>
        Assert.That(StatusSteps.Line(new StepView("build", status, "12s", approval), releaseEnded: false), Is.EqualTo(expected));

    [TestCase("InProgress", false, false, ":arrow_forward: *rollout* running")]
    [TestCase("InProgress", true, false, ":raised_hand: *rollout* waiting for approval")]
    [TestCase("InProgress", false, true, ":heavy_minus_sign: *rollout* did not finish")]
    [TestCase("Pending", false, false, ":white_circle: *rollout* pending")]
    [TestCase("Pending", true, true, ":heavy_minus_sign: *rollout* did not run")]
    public void AnOpenStepIsPendingRunningOrWaitingUntilTheReleaseEnds(string status, bool approval, bool releaseEnded, string expected) =>
        Assert.That(StatusSteps.Line(new StepView("rollout", status, null, approval), releaseEnded), Is.EqualTo(expected));

    [Test]
    public void TheStatusMessageCarriesItsStepsInTheFallbackTextAndInASectionOfTheirOwn()
    {
        var state = new ReleaseState(Samples.ExecutionId) { Status = "Success", StartTime = Start, EndTime = Start.AddSeconds(843) };
        state.ShowStep(new StepView("build", "Success", "12s", false));
        state.ShowStep(new StepView("approve", "Success", "5m 00s", true));
        var message = ProgressMessages.Status(Samples.Release(), state, Samples.Console, Start.AddHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(message.Text, Is.EqualTo(
                ":white_check_mark: *app* `r-99.1.0` deployed in 14m 03s\n:white_check_mark: *build* succeeded (12s)\n:white_check_mark: *approve* approved (5m 00s)"));
            Assert.That(message.Blocks!.Select(b => b!["type"]!.GetValue<string>()), Is.EqualTo(new[] { "section", "section", "context" }));
            Assert.That(message.Blocks![1]!["text"]!["text"]!.GetValue<string>(), Does.StartWith(":white_check_mark: *build*").And.EndWith("approved (5m 00s)"));
        });
    }

    [Test]
    public void AnEndedStepIsNeverShownRunningAgainByALateEvent()
    {
        var state = new ReleaseState(Samples.ExecutionId);
        Assert.That(state.ShowStep(new StepView("build", "Success", "12s", false)), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(state.ShowStep(new StepView("build", "InProgress", null, false)), Is.False);
            Assert.That(state.ShowStep(new StepView("build", "Success", null, false)), Is.False, "a copy without times changes nothing");
            Assert.That(state.Steps.Single(), Is.EqualTo(new StepView("build", "Success", "12s", false)));
        });
    }

    [Test]
    public void AnEndedStepsDurationChangesOnlyBySsmsRecord()
    {
        var state = new ReleaseState(Samples.ExecutionId);
        Assert.That(state.ShowStep(new StepView("clearCdn", "Failed", "0s", false), recorded: true), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(state.ShowStep(new StepView("clearCdn", "Failed", "1s", false)), Is.False, "an event's whole-second copy after the record");
            Assert.That(state.Steps.Single().Duration, Is.EqualTo("0s"));
            Assert.That(state.ShowStep(new StepView("clearCdn", "Failed", "2s", false), recorded: true), Is.True, "the record is the truth");
            Assert.That(state.Steps.Single().Duration, Is.EqualTo("2s"));
        });
    }

    [Test]
    public void AnEventFillsADurationTheStatusMessageLacks()
    {
        var state = new ReleaseState(Samples.ExecutionId);
        state.ShowStep(new StepView("build", "Success", null, false));
        Assert.That(state.ShowStep(new StepView("build", "Success", "3s", false)), Is.True);
        Assert.That(state.Steps.Single().Duration, Is.EqualTo("3s"));
    }

    [Test]
    public void StepsFollowSsmsOrderOnceKnown()
    {
        var state = new ReleaseState(Samples.ExecutionId);
        foreach (var name in new[] { "rollout", "build", "extra" })
        {
            state.ShowStep(new StepView(name, "Success", null, false));
        }

        state.OrderSteps(["build", "rollout"]);
        Assert.That(state.Steps.Select(s => s.Name), Is.EqualTo(new[] { "build", "rollout", "extra" }));
    }

    [Test]
    public void ADocumentOfManyStepsStillFitsOneSectionTheOldestGivingWayToACount()
    {
        var steps = Enumerable.Range(0, 200).Select(i => new StepView($"step{i:000}-{new string('x', 40)}", "Success", "1s", false)).ToList();
        var text = StatusSteps.Render(steps, releaseEnded: true);

        Assert.Multiple(() =>
        {
            Assert.That(text, Has.Length.LessThanOrEqualTo(BlockKit.SectionLimit));
            Assert.That(text, Does.Match(@"^_… \d+ earlier steps_\n"));
            Assert.That(text, Does.EndWith($"*step199-{new string('x', 40)}* succeeded (1s)"), "the newest is shown");
        });
    }
}
