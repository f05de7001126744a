using System.Text.RegularExpressions;
using SocketDeployer.Core.Aws.Events;
using SocketDeployer.Core.Flow.Progress;

namespace SocketDeployer.Tests.FlowProgress;

/// <summary>Whatever order, repetition and concurrency the queue delivers a release's events with, its thread reads
/// the start reply (the status message, in its final state), one line per step that ran, and the result last.</summary>
public class ThreadOrderTests
{
    private static readonly (string, string)[] UiSteps = [("build", "Success"), ("clearCdn", "Failed")];
    private static readonly (string, string)[] AppSteps = [("build", "Success"), ("updateParameters", "Success"), ("rollout", "Success")];

    [Test]
    public async Task AFailedStepWhoseEventComesAfterTheExecutionsEndIsReportedBeforeTheResultAndNeverAfterIt()
    {
        // The Sandbox session's ui release: clearCdn fails at once, and its event is handed over after the execution's.
        var rig = ProgressRig.Create();
        rig.EndInSsm("Failed", UiSteps);
        await rig.ApplyAll([rig.Execution("InProgress"), rig.Step("build", "InProgress"), rig.Step("build", "Success"), rig.Step("clearCdn", "InProgress")]);
        await rig.ApplyAll([rig.Execution("Failed")]);
        var atResult = rig.Slack.Thread;
        await rig.ApplyAll([rig.Step("clearCdn", "Failed")]);

        Assert.Multiple(() =>
        {
            Assert.That(Shape(rig), Is.EqualTo(new[] { "status:x", "step:build", "step:clearCdn", "result:x" }));
            Assert.That(rig.Slack.Thread, Is.EqualTo(atResult), "the late event adds nothing");
            Assert.That(rig.Slack.Thread[2], Is.EqualTo(":x: step *clearCdn* failed (1s)"));
            Assert.That(rig.Slack.Thread[^1], Does.StartWith(":x: *app* `r-99.1.0` failed at step *clearCdn*"));
        });
    }

    [Test]
    public async Task TheLastStepsLineIsInTheThreadWhenTheResultIsEvenIfItsEventHasNotComeYet()
    {
        var rig = ProgressRig.Create();
        rig.EndInSsm("Success", AppSteps);
        await rig.ApplyAll([rig.Step("build", "Success"), rig.Step("updateParameters", "Success"), rig.Step("rollout", "InProgress"), rig.Execution("Success")]);

        Assert.That(Shape(rig), Is.EqualTo(new[] { "status:ok", "step:build", "step:rollout", "step:updateParameters", "result:ok" }));
    }

    [Test]
    public async Task EveryOrderOfTheEventsEachDeliveredTwiceGivesTheSameThread()
    {
        var expected = new[] { "status:ok", "step:build", "step:rollout", "step:updateParameters", "result:ok" };
        var template = ProgressRig.Create();
        var events = Events(template);
        var checkedOrders = 0;
        foreach (var order in Permutations(Enumerable.Range(0, events.Count).ToList()))
        {
            var rig = ProgressRig.Create();
            rig.EndInSsm("Success", AppSteps);
            var mine = Events(rig);
            // Each event twice: once in this order, once more in the reverse order after the result.
            await rig.ApplyAll([.. order.Select(i => mine[i]), .. order.AsEnumerable().Reverse().Select(i => mine[i])]);
            Assert.That(Shape(rig), Is.EqualTo(expected), $"order {string.Join(", ", order.Select(i => mine[i]))}");
            checkedOrders++;
        }

        Assert.That(checkedOrders, Is.EqualTo(720));

        static List<AutomationEvent> Events(ProgressRig rig) =>
        [
            rig.Execution("InProgress"), rig.Step("build", "Success"), rig.Step("updateParameters", "Success"),
            rig.Step("rollout", "InProgress"), rig.Step("rollout", "Success"), rig.Execution("Success"),
        ];
    }

    [Test]
    public async Task EventsHandledAtOnceByFourConsumersWhileAStepLineIsInFlightStillEndOnTheResult()
    {
        var rig = ProgressRig.Create();
        rig.EndInSsm("Failed", UiSteps);
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var letGo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Slack.BeforeCall = (method, message) =>
        {
            if (method == "chat.postMessage" && message.Text.Contains("step *build*", StringComparison.Ordinal))
            {
                inFlight.TrySetResult();
                return letGo.Task;
            }

            return Task.CompletedTask;
        };

        // Consumer 1 is posting build's line; consumers 2–4 take clearCdn's end, the execution's end and a copy of it.
        var first = rig.Apply(rig.Step("build", "Success"));
        await inFlight.Task;
        var others = new[] { rig.Apply(rig.Execution("Failed")), rig.Apply(rig.Step("clearCdn", "Failed")), rig.Apply(rig.Execution("Failed")) };
        Assert.That(others.Any(t => t.IsCompleted), Is.False, "they wait for the execution's lock");
        letGo.SetResult();
        await Task.WhenAll([first, .. others]);

        Assert.That(Shape(rig), Is.EqualTo(new[] { "status:x", "step:build", "step:clearCdn", "result:x" }));
    }

    [Test]
    public async Task ManyConsumersOnThreadPoolThreadsWithRandomOrdersAndCopiesNeverPostAnythingAfterTheResult()
    {
        var random = new Random(9);
        for (var run = 0; run < 200; run++)
        {
            var rig = ProgressRig.Create();
            rig.EndInSsm("Success", AppSteps);
            AutomationEvent[] events =
            [
                rig.Execution("InProgress"), rig.Step("build", "InProgress"), rig.Step("build", "Success"), rig.Step("updateParameters", "Success"),
                rig.Step("rollout", "InProgress"), rig.Step("rollout", "Success"), rig.Execution("Success"),
            ];
            var deliveries = events.Concat(events.Where(_ => random.Next(2) == 0)).OrderBy(_ => random.Next()).ToArray();
            await Task.WhenAll(deliveries.Select(e => Task.Run(() => rig.Apply(e))));
            Assert.That(Shape(rig), Is.EqualTo(new[] { "status:ok", "step:build", "step:rollout", "step:updateParameters", "result:ok" }), $"run {run}");
        }
    }

    [Test]
    public async Task ALogLineHandedOverAfterTheResultIsNotPostedBelowIt()
    {
        var rig = ProgressRig.Create();
        rig.EndInSsm("Success", AppSteps);
        await rig.ApplyAll([rig.Step("build", "Success"), new LogLine(rig.ExecutionId, "image built"), rig.Execution("Success"), new LogLine(rig.ExecutionId, "parameter set")]);

        Assert.Multiple(() =>
        {
            Assert.That(Shape(rig), Is.EqualTo(new[] { "status:ok", "log", "step:build", "step:rollout", "step:updateParameters", "result:ok" }));
            Assert.That(rig.Slack.Thread, Has.None.Contains("parameter set"));
        });
    }

    [Test]
    public async Task AnInstanceThatTakesOverARunningReleaseDoesNotRepeatTheLinesItsPredecessorPosted()
    {
        // The instance that followed the release before (and then stopped) posted build's line and recorded it.
        var rig = ProgressRig.Create(moreTags: new Dictionary<string, string> { ["socketdeployer:steps"] = ReportedSteps.Key("build") });
        rig.Slack.PostStartReply(":white_check_mark: step *build* succeeded (1s)");
        rig.Ssm.SetStep("build", "aws:executeAwsApi", "Success", rig.Ssm.Start.AddSeconds(1));
        await rig.ApplyAll([rig.Step("rollout", "InProgress")]);
        rig.EndInSsm("Success", [("build", "Success"), ("rollout", "Success")]);
        await rig.ApplyAll([rig.Execution("Success"), rig.Step("build", "Success")]);

        Assert.Multiple(() =>
        {
            Assert.That(Shape(rig), Is.EqualTo(new[] { "status:ok", "step:build", "step:rollout", "result:ok" }), "build once (its predecessor's), rollout with the result");
            Assert.That(ReportedSteps.From(rig.Ssm.Tags), Is.EquivalentTo(new[] { ReportedSteps.Key("build"), ReportedSteps.Key("rollout") }));
        });
    }

    [Test]
    public async Task AnInstanceThatTakesOverPostsTheLinesItsPredecessorNeverPostedBeforeTheResult()
    {
        // build ended before the handover, but its event was still in the queue (the stopped instance never handled it).
        var rig = ProgressRig.Create();
        rig.Ssm.SetStep("build", "aws:executeAwsApi", "Success", rig.Ssm.Start.AddSeconds(1));
        await rig.ApplyAll([rig.Step("rollout", "InProgress")]);
        rig.EndInSsm("Success", [("build", "Success"), ("rollout", "Success")]);
        await rig.ApplyAll([rig.Execution("Success"), rig.Step("build", "Success"), rig.Step("rollout", "Success")]);

        Assert.That(Shape(rig), Is.EqualTo(new[] { "status:ok", "step:build", "step:rollout", "result:ok" }));
    }

    [Test]
    public async Task ARejectedReleaseReadsAsARejectionInTheStatusMessageTheResultAndTheAuditLog()
    {
        var rig = ProgressRig.Create();
        rig.EndInSsm("Failed", [("build", "Success"), ("approve", "Failed")]);
        await rig.ApplyAll([rig.Step("build", "Success"), rig.Step("approve", "Failed", "aws:approve"), rig.Execution("Failed")]);

        Assert.Multiple(() =>
        {
            Assert.That(rig.Slack.TextOf(rig.StatusTs), Does.StartWith(":no_entry_sign: *app* `r-99.1.0` was rejected after 3s, not deployed"));
            Assert.That(rig.Slack.Thread[^1], Does.StartWith(":no_entry_sign: *app* `r-99.1.0` was rejected at step *approve*"));
            Assert.That(rig.Slack.Thread, Has.None.Contains("failed"));
            Assert.That(rig.Audit.Entries.Single(e => e.Event == "end").Outcome, Is.EqualTo("Rejected"));
            Assert.That(rig.Ssm.Tags["socketdeployer:result"], Is.EqualTo("Rejected"));
        });
    }

    /// <summary>The thread as kinds: the status message (first, in its final state), step lines, log lines, the result.
    /// Lines of different steps whose events came in another order than the steps ran keep the events' order, so
    /// they are compared as a set between the status message and the result.</summary>
    internal static List<string> Shape(ProgressRig rig)
    {
        var kinds = rig.Slack.Thread.Select((text, i) => i == 0 ? "status:" + Outcome(text) : Kind(text)).ToList();
        return kinds.Count < 2 ? kinds : [kinds[0], .. kinds[1..^1].Order(StepOrder), kinds[^1]];
    }

    private static readonly StringComparer StepOrder = StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, false);

    private static string Kind(string text) =>
        Regex.Match(text, @"^:[a-z_]+: step \*(?<step>[^*]+)\*") is { Success: true } step ? "step:" + step.Groups["step"].Value
        : text.StartsWith(":memo:", StringComparison.Ordinal) ? "log"
        : text.StartsWith(":tada:", StringComparison.Ordinal) ? "result:ok"
        : text.Contains("Open the execution in the AWS console", StringComparison.Ordinal) ? "result:x"
        : "other: " + text;

    private static string Outcome(string statusText) =>
        statusText.StartsWith(":white_check_mark:", StringComparison.Ordinal) ? "ok"
        : statusText.StartsWith(":x:", StringComparison.Ordinal) ? "x"
        : "running: " + statusText;

    private static IEnumerable<List<int>> Permutations(List<int> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }

        foreach (var head in items)
        {
            foreach (var tail in Permutations([.. items.Where(i => i != head)]))
            {
                yield return [head, .. tail];
            }
        }
    }
}
