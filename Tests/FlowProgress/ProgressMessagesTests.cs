using SocketDeployer.Core.Flow;
using SocketDeployer.Core.Flow.Progress;

namespace SocketDeployer.Tests.FlowProgress;

public class ProgressMessagesTests
{
    private static readonly DateTimeOffset Start = new(2024, 11, 29, 19, 43, 25, TimeSpan.Zero);

    private static ReleaseState State(string status, string? step = null, double? endedAfter = null) => new(Samples.ExecutionId)
    {
        Status = status,
        CurrentStep = step,
        StartTime = Start,
        EndTime = endedAfter is { } s ? Start.AddSeconds(s) : null,
    };

    [Test]
    public void TheStatusOfARunningReleaseNamesTheStepAndTheElapsedTime()
    {
        var message = ProgressMessages.Status(Samples.Release(), State("InProgress", "build"), Samples.Console, Start.AddSeconds(75));
        Assert.Multiple(() =>
        {
            Assert.That(message.Text, Is.EqualTo(":rocket: <@U0ALICE> is deploying *app* `r-99.1.0` — step *build* — 1m 15s so far"));
            Assert.That(message.Blocks!.ToJsonString(), Does.Contain(Samples.ExecutionId).And.Contain(Samples.Console.ToString()));
        });
    }

    [TestCase("Success", ":white_check_mark: *app* `r-99.1.0` deployed in 14m 03s")]
    [TestCase("Failed", ":x: *app* `r-99.1.0` failed after 14m 03s")]
    [TestCase("TimedOut", ":x: *app* `r-99.1.0` timed out after 14m 03s")]
    [TestCase("Cancelled", ":octagonal_sign: *app* `r-99.1.0` was cancelled after 14m 03s")]
    public void TheStatusOfAnEndedReleaseUsesItsEndNotTheClock(string status, string expected) =>
        Assert.That(ProgressMessages.Status(Samples.Release(), State(status, endedAfter: 843), Samples.Console, Start.AddHours(5)).Text, Is.EqualTo(expected));

    [Test]
    public void AWaitingReleaseSaysItWaitsForApproval() =>
        Assert.That(ProgressMessages.Status(Samples.Release(), State("Waiting"), Samples.Console, Start.AddSeconds(3)).Text, Does.Contain("is waiting for approval — 3s so far"));

    [TestCase("Success", ":white_check_mark: step *build* succeeded (12s)")]
    [TestCase("Failed", ":x: step *build* failed (12s)")]
    [TestCase("TimedOut", ":alarm_clock: step *build* timed out (12s)")]
    [TestCase("Cancelled", ":octagonal_sign: step *build* was cancelled (12s)")]
    public void AFinishedStepIsOneLineWithItsDuration(string status, string expected) =>
        Assert.That(ProgressMessages.StepFinished("build", status, "12s").Text, Is.EqualTo(expected));

    [Test]
    public void AStepWithoutTimesHasNoDuration() =>
        Assert.That(ProgressMessages.StepFinished("build", "Success", null).Text, Is.EqualTo(":white_check_mark: step *build* succeeded"));

    [Test]
    public void LogLinesAreEscapedAndFitASection()
    {
        var message = ProgressMessages.Log("<!channel> & " + new string('x', 5000));
        Assert.Multiple(() =>
        {
            Assert.That(message.Text, Does.StartWith(":memo: &lt;!channel&gt; &amp; "));
            Assert.That(message.Text, Has.Length.LessThanOrEqualTo(BlockKit.SectionLimit));
        });
    }

    [Test]
    public void AFailedResultNamesTheStepTheReasonAndTheConsole()
    {
        var text = ProgressMessages.Result(Samples.Release(), State("Failed", endedAfter: 30), "rollout", "Step rollout failed: <oops>", Samples.Console).Text;
        Assert.That(text, Is.EqualTo($":x: *app* `r-99.1.0` failed at step *rollout* after 30s\n> Step rollout failed: &lt;oops&gt;\n<{Samples.Console}|Open the execution in the AWS console>"));
    }

    [Test]
    public void ASuccessfulResultSaysLive() =>
        Assert.That(ProgressMessages.Result(Samples.Release(), State("Success", endedAfter: 843), null, null, Samples.Console).Text, Is.EqualTo(":tada: *app* `r-99.1.0` is live — 14m 03s"));

    [Test]
    public void AVersionWithMarkupIsEscapedEverywhere()
    {
        var release = Samples.Release("r-1<@U0EVIL>");
        Assert.Multiple(() =>
        {
            Assert.That(ProgressMessages.Status(release, State("InProgress"), Samples.Console, Start).Text, Does.Contain("`r-1&lt;").And.Not.Contain("<@U0EVIL>"));
            Assert.That(ProgressMessages.Result(release, State("Success", endedAfter: 1), null, null, Samples.Console).Text, Does.Not.Contain("<@U0EVIL>"));
        });
    }
}
