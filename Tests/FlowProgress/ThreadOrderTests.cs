using System.Text.RegularExpressions;
using SocketDeployer.Core.Aws.Events;
using SocketDeployer.Core.Flow.Progress;

namespace SocketDeployer.Tests.FlowProgress;

/// <summary>Whatever order, repetition and concurrency the queue delivers a release's events with, its thread reads
/// the start reply (the status message, in its final state, showing every step's), one line per step that failed,
/// and the result last: a clean release posts nothing between its start reply and its result (issue 12).</summary>
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
            Assert.That(Shape(rig), Is.EqualTo(new[] { "status:x", "step:clearCdn", "result:x" }), "the failure has a line; build's success does not");
            Assert.That(StepsShown(rig), Is.EqualTo(new[] { "build: succeeded (1s)", "clearCdn: failed (1s)" }));
            Assert.That(rig.Slack.Thread, Is.EqualTo(atResult), "the late event adds nothing");
            Assert.That(rig.Slack.Thread[1], Is.EqualTo(":x: step *clearCdn* failed (1s)"));
            Assert.That(rig.Slack.Thread[^1], Does.StartWith(":x: *app* `r-99.1.0` failed at step *clearCdn*"));
        });
    }

    [Test]
    public async Task EveryStepsFinalStateIsInTheStatusMessageWhenTheResultIsEvenIfItsEventHasNotComeYet()
    {
        var rig = ProgressRig.Create();
        rig.EndInSsm("Success", AppSteps);
        await rig.ApplyAll([rig.Step("build", "Success"), rig.Step("updateParameters", "Success"), rig.Step("rollout", "InProgress"), rig.Execution("Success")]);

        Assert.Multiple(() =>
        {
            Assert.That(Shape(rig), Is.EqualTo(new[] { "status:ok", "result:ok" }), "a clean release posts nothing between its start reply and its result");
            Assert.That(StepsShown(rig), Is.EqualTo(AppShown), "in the document's order, rollout's end read from SSM");
        });
    }

    [Test]
    public async Task EveryOrderOfTheEventsEachDeliveredTwiceGivesTheSameThread()
    {
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
            var described = $"order {string.Join(", ", order.Select(i => mine[i]))}";
            Assert.That(Shape(rig), Is.EqualTo(new[] { "status:ok", "result:ok" }), described);
            Assert.That(StepsShown(rig), Is.EqualTo(AppShown), described);
            Assert.That(rig.Slack.TextOf(rig.StatusTs), Is.EqualTo(rig.Slack.Edits[^1].Text), described + ": the last edit is the final one");
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
    public async Task EventsHandledAtOnceByFourConsumersWhileAFailureLineIsInFlightStillEndOnTheResult()
    {
        var rig = ProgressRig.Create();
        rig.EndInSsm("Failed", UiSteps);
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var letGo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Slack.BeforeCall = (method, message) =>
        {
            if (method == "chat.postMessage" && message.Text.Contains("step *clearCdn*", StringComparison.Ordinal))
            {
                inFlight.TrySetResult();
                return letGo.Task;
            }

            return Task.CompletedTask;
        };

        // Consumer 1 is posting clearCdn's line; consumers 2–4 take build's end, the execution's end and a copy of it.
        var first = rig.Apply(rig.Step("clearCdn", "Failed"));
        await inFlight.Task;
        var others = new[] { rig.Apply(rig.Execution("Failed")), rig.Apply(rig.Step("build", "Success")), rig.Apply(rig.Execution("Failed")) };
        Assert.That(others.Any(t => t.IsCompleted), Is.False, "they wait for the execution's lock");
        letGo.SetResult();
        await Task.WhenAll([first, .. others]);

        Assert.Multiple(() =>
        {
            Assert.That(Shape(rig), Is.EqualTo(new[] { "status:x", "step:clearCdn", "result:x" }));
            Assert.That(StepsShown(rig), Is.EqualTo(new[] { "build: succeeded (1s)", "clearCdn: failed (1s)" }));
        });
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
            Assert.That(Shape(rig), Is.EqualTo(new[] { "status:ok", "result:ok" }), $"run {run}");
            Assert.That(StepsShown(rig), Is.EqualTo(AppShown), $"run {run}");
        }
    }

    [Test]
    public async Task StepsThatEndWithinTheIntervalCostOneEditThatShowsThemAll()
    {
        var rig = ProgressRig.Create(statusInterval: TimeSpan.FromSeconds(10));
        await rig.ApplyAll([rig.Step("build", "Success"), rig.Step("updateParameters", "Success"), rig.Step("rollout", "InProgress")]);
        Assert.Multiple(() =>
        {
            Assert.That(rig.Slack.Edits, Is.Empty, "within the interval of the start reply nothing is edited yet");
            Assert.That(rig.Time.PendingDelays(), Has.Count.EqualTo(1), "one deferred edit for the three events");
        });

        rig.Time.Advance(TimeSpan.FromSeconds(10));
        await WaitUntilAsync(() => rig.Slack.Edits.Count > 0);

        Assert.Multiple(() =>
        {
            Assert.That(rig.Slack.Edits, Has.Count.EqualTo(1));
            Assert.That(StepsShown(rig), Is.EqualTo(new[] { "build: succeeded (1s)", "updateParameters: succeeded (1s)", "rollout: running" }));
            Assert.That(rig.Slack.Thread, Has.Count.EqualTo(1), "no step has a thread message of its own");
        });
    }

    [Test]
    public async Task ALogLineHandedOverAfterTheResultIsNotPostedBelowIt()
    {
        var rig = ProgressRig.Create();
        rig.EndInSsm("Success", AppSteps);
        await rig.ApplyAll([rig.Step("build", "Success"), new LogLine(rig.ExecutionId, "image built"), rig.Execution("Success"), new LogLine(rig.ExecutionId, "parameter set")]);

        Assert.Multiple(() =>
        {
            Assert.That(Shape(rig), Is.EqualTo(new[] { "status:ok", "log", "result:ok" }));
            Assert.That(StepsShown(rig), Is.EqualTo(AppShown));
            Assert.That(rig.Slack.Thread, Has.None.Contains("parameter set"));
        });
    }

    [Test]
    public async Task AnInstanceThatTakesOverARunningReleaseShowsTheStepsThatEndedBeforeItFromSsm()
    {
        // The instance that followed the release before (and then stopped) saw build succeed; no tag says so, SSM does.
        var rig = ProgressRig.Create();
        rig.Ssm.SetStep("build", "aws:executeAwsApi", "Success", rig.Ssm.Start.AddSeconds(1));
        await rig.ApplyAll([rig.Step("rollout", "InProgress")]);
        Assert.That(StepsShown(rig), Is.EqualTo(new[] { "build: succeeded (1s)", "rollout: running" }));

        rig.EndInSsm("Success", [("build", "Success"), ("rollout", "Success")]);
        await rig.ApplyAll([rig.Execution("Success"), rig.Step("build", "Success"), rig.Step("rollout", "Success")]);

        Assert.Multiple(() =>
        {
            Assert.That(Shape(rig), Is.EqualTo(new[] { "status:ok", "result:ok" }));
            Assert.That(StepsShown(rig), Is.EqualTo(new[] { "build: succeeded (1s)", "rollout: succeeded (1s)" }));
            Assert.That(rig.Ssm.Tags, Does.Not.ContainKey("socketdeployer:steps"), "only failure lines are recorded");
        });
    }

    [Test]
    public async Task AnInstanceThatTakesOverDoesNotRepeatTheFailureLinesItsPredecessorPosted()
    {
        // The predecessor posted build's failure line and recorded it, then stopped before the result.
        var rig = ProgressRig.Create(moreTags: new Dictionary<string, string> { ["socketdeployer:steps"] = ReportedSteps.Key("build") });
        rig.Slack.PostStartReply(":x: step *build* failed (1s)");
        rig.EndInSsm("Failed", [("build", "Failed")]);
        await rig.ApplyAll([rig.Execution("Failed"), rig.Step("build", "Failed")]);

        Assert.Multiple(() =>
        {
            Assert.That(Shape(rig), Is.EqualTo(new[] { "status:x", "step:build", "result:x" }), "build once (its predecessor's)");
            Assert.That(StepsShown(rig), Is.EqualTo(new[] { "build: failed (1s)" }));
            Assert.That(ReportedSteps.From(rig.Ssm.Tags), Is.EquivalentTo(new[] { ReportedSteps.Key("build") }));
        });
    }

    [Test]
    public async Task AnInstanceThatTakesOverPostsTheFailureLinesItsPredecessorNeverPostedBeforeTheResult()
    {
        // build timed out (its document goes on) before the handover, but its event was still in the queue.
        var rig = ProgressRig.Create();
        rig.Ssm.SetStep("build", "aws:executeAwsApi", "TimedOut", rig.Ssm.Start.AddSeconds(1));
        await rig.ApplyAll([rig.Step("rollout", "InProgress")]);
        rig.EndInSsm("Failed", [("build", "TimedOut"), ("rollout", "Failed")]);
        await rig.ApplyAll([rig.Execution("Failed"), rig.Step("build", "TimedOut"), rig.Step("rollout", "Failed")]);

        Assert.Multiple(() =>
        {
            Assert.That(Shape(rig), Is.EqualTo(new[] { "status:x", "step:build", "step:rollout", "result:x" }));
            Assert.That(StepsShown(rig), Is.EqualTo(new[] { "build: timed out (1s)", "rollout: failed (1s)" }));
            Assert.That(ReportedSteps.From(rig.Ssm.Tags), Is.EquivalentTo(new[] { ReportedSteps.Key("build"), ReportedSteps.Key("rollout") }));
        });
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
            Assert.That(StepsShown(rig), Is.EqualTo(new[] { "build: succeeded (1s)", "approve: rejected (1s)" }));
            Assert.That(Shape(rig), Is.EqualTo(new[] { "status:rejected", "result:x" }), "the rejection is on the prompt and in the result, not a line of its own");
            Assert.That(rig.Slack.Thread[^1], Does.StartWith(":no_entry_sign: *app* `r-99.1.0` was rejected at step *approve*"));
            Assert.That(rig.Slack.Thread, Has.None.Contains("failed"));
            Assert.That(rig.Audit.Entries.Single(e => e.Event == "end").Outcome, Is.EqualTo("Rejected"));
            Assert.That(rig.Ssm.Tags["socketdeployer:result"], Is.EqualTo("Rejected"));
        });
    }

    /// <summary>The step lines of the status message as it reads now: <c>name: what (duration)</c>, in its order.</summary>
    internal static List<string> StepsShown(ProgressRig rig) =>
    [
        .. rig.Slack.TextOf(rig.StatusTs).Split('\n').Skip(1)
            .Select(line => Regex.Match(line, @"^:[a-z_]+: \*(?<step>[^*]+)\* (?<what>.+)$"))
            .Select(m => m.Success ? $"{m.Groups["step"].Value}: {m.Groups["what"].Value}" : "unreadable: " + m.Value),
    ];

    private static readonly string[] AppShown = ["build: succeeded (1s)", "updateParameters: succeeded (1s)", "rollout: succeeded (1s)"];

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        for (var i = 0; i < 10_000 && !done(); i++)
        {
            await Task.Yield();
        }

        Assert.That(done(), Is.True);
    }

    /// <summary>The thread as kinds: the status message (first, in its final state), failure lines, log lines, the
    /// result. Lines of different steps whose events came in another order than the steps ran keep the events'
    /// order, so they are compared as a set between the status message and the result.</summary>
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
        : statusText.StartsWith(":no_entry_sign:", StringComparison.Ordinal) ? "rejected"
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
