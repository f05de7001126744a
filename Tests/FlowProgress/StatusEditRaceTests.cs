using SocketDeployer.Core.Flow.Progress;

namespace SocketDeployer.Tests.FlowProgress;

/// <summary>The status message's coalesced edits (one per StatusUpdateInterval, applied later with whatever is newest)
/// never put an older state over the final one, whenever they fire.</summary>
public class StatusEditRaceTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [Test]
    public async Task ADeferredEditInFlightWhenTheEndArrivesIsFollowedByTheFinalEditAndTheResult()
    {
        var rig = ProgressRig.Create(statusInterval: Interval);
        await rig.ApplyAll([rig.Step("rollout", "InProgress")]);
        Assert.That(rig.Time.PendingDelays(), Has.Count.EqualTo(1), "a progress edit within the interval is deferred");

        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var letGo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Slack.BeforeCall = (method, _) =>
        {
            if (method == "chat.update" && inFlight.TrySetResult())
            {
                return letGo.Task;
            }

            return Task.CompletedTask;
        };
        rig.Time.Advance(Interval);
        await inFlight.Task;

        // While that edit is on its way to Slack, the release ends and its events are handled on other consumers.
        rig.EndInSsm("Success", [("rollout", "Success")]);
        var end = rig.Apply(rig.Execution("Success"));
        var step = rig.Apply(rig.Step("rollout", "Success"));
        letGo.SetResult();
        await Task.WhenAll(end, step);

        Assert.Multiple(() =>
        {
            Assert.That(rig.Slack.Edits[0].Text, Does.Contain("step *rollout*"), "the deferred edit landed first");
            Assert.That(rig.Slack.Edits[^1].Text, Does.StartWith(":white_check_mark: *app* `r-99.1.0` deployed in 3s"));
            Assert.That(rig.Slack.TextOf(rig.StatusTs), Is.EqualTo(rig.Slack.Edits[^1].Text));
            Assert.That(ThreadOrderTests.Shape(rig), Is.EqualTo(new[] { "status:ok", "result:ok" }));
            Assert.That(ThreadOrderTests.StepsShown(rig), Is.EqualTo(new[] { "rollout: succeeded (1s)" }));
        });
    }

    [Test]
    public async Task ADeferredEditDueAfterTheEndChangesNothing()
    {
        var rig = ProgressRig.Create(statusInterval: Interval);
        await rig.ApplyAll([rig.Step("rollout", "InProgress")]);
        rig.EndInSsm("Success", [("rollout", "Success")]);
        await rig.ApplyAll([rig.Step("rollout", "Success"), rig.Execution("Success")]);
        var final = rig.Slack.Edits.Single();

        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Slack.BeforeCall = (method, _) =>
        {
            fired.TrySetResult();
            return Task.CompletedTask;
        };
        rig.Time.Advance(Interval);
        var state = rig.States.GetOrAdd(rig.ExecutionId, out _);
        await WaitForAsync(() => !state.StatusEditScheduled);

        Assert.Multiple(() =>
        {
            Assert.That(fired.Task.IsCompleted, Is.False, "nothing was left to edit");
            Assert.That(rig.Slack.Edits, Is.EqualTo(new[] { final }));
            Assert.That(final.Text, Does.StartWith(":white_check_mark:"));
        });
    }

    [Test]
    public async Task ADeferredEditOfAStateTheStoreDroppedDoesNotOverwriteTheFinalStatus()
    {
        var rig = ProgressRig.Create(statusInterval: Interval);
        await rig.ApplyAll([rig.Step("rollout", "InProgress")]);

        // Ten thousand other releases later the store forgets this one; its end is then followed by a fresh state.
        for (var i = 0; i < ReleaseStateStore.Capacity; i++)
        {
            rig.States.GetOrAdd($"other-{i}", out _);
        }

        rig.EndInSsm("Success", [("rollout", "Success")]);
        await rig.ApplyAll([rig.Execution("Success")]);
        Assert.That(rig.Slack.TextOf(rig.StatusTs), Does.StartWith(":white_check_mark:"));

        var edited = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Slack.BeforeCall = (method, message) =>
        {
            edited.TrySetResult(message.Text);
            return Task.CompletedTask;
        };
        var dropped = rig.Logs.WaitForAsync(r => r.EventId == 2207);
        rig.Time.Advance(Interval);
        var first = await Task.WhenAny(edited.Task, dropped);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.SameAs(dropped), () => $"the forgotten state's edit went out: {edited.Task.Result}");
            Assert.That(rig.Slack.TextOf(rig.StatusTs), Does.StartWith(":white_check_mark: *app* `r-99.1.0` deployed"));
            Assert.That(rig.Slack.Thread[^1], Does.StartWith(":tada:"));
        });
    }

    [Test]
    public async Task AGracefulStopSendsTheDeferredEditNowInsteadOfDroppingIt()
    {
        var rig = ProgressRig.Create(statusInterval: Interval);
        await rig.ApplyAll([rig.Step("build", "Success"), rig.Step("rollout", "InProgress")]);
        Assert.That((rig.Editor.Pending, rig.Slack.Edits.Count), Is.EqualTo((1, 0)), "one edit deferred, none sent");
        var before = rig.Time.GetUtcNow();

        var unsent = await rig.Editor.DrainAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(unsent, Is.Zero);
            Assert.That(rig.Editor.Pending, Is.Zero);
            Assert.That(rig.Time.GetUtcNow(), Is.EqualTo(before), "sent at once, not at its time");
            Assert.That(rig.Slack.Edits, Has.Count.EqualTo(1));
            Assert.That(ThreadOrderTests.StepsShown(rig), Is.EqualTo(new[] { "build: succeeded (1s)", "rollout: running" }));
            Assert.That(rig.Logs.Records.Any(r => r.Id.Id == 2209), Is.True, "the drain is logged");
        });

        // An event still handled while stopping is not deferred into a timer nobody waits for.
        await rig.ApplyAll([rig.Step("rollout", "Success")]);
        Assert.That((rig.Editor.Pending, rig.Slack.Edits.Count), Is.EqualTo((0, 2)));
    }

    [Test]
    public async Task ADrainTheHostStopsWaitingForSaysHowManyEditsWereLeft()
    {
        var rig = ProgressRig.Create(statusInterval: Interval);
        await rig.ApplyAll([rig.Step("rollout", "InProgress")]);
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Slack.BeforeCall = (_, _) =>
        {
            inFlight.TrySetResult();
            return never.Task;
        };
        using var stopTimeout = new CancellationTokenSource();

        var drain = rig.Editor.DrainAsync(stopTimeout.Token);
        await inFlight.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(drain.IsCompleted, Is.False, "the drain waits for the edit on its way to Slack");
        await stopTimeout.CancelAsync();

        var unsent = await drain.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Multiple(() =>
        {
            Assert.That(unsent, Is.EqualTo(1));
            Assert.That(rig.Logs.Records.Any(r => r.Id.Id == 2210), Is.True, "what was left is logged");
        });
        never.SetResult();
    }

    /// <summary>The deferred edit runs on the thread that advanced the clock or soon after on the pool: yield until it is done.</summary>
    private static async Task WaitForAsync(Func<bool> done)
    {
        for (var i = 0; i < 10_000 && !done(); i++)
        {
            await Task.Yield();
        }

        Assert.That(done(), Is.True, "the deferred edit ran");
    }
}
