using SocketDeployer.Core.Flow.Progress;

namespace SocketDeployer.Tests.FlowProgress;

/// <summary>What one tracked execution keeps: marks once, and texts that repeat across releases held once.</summary>
public class ReleaseStateTests
{
    [Test]
    public void AStepIsMarkedFinishedOnceAndPromptedOnce()
    {
        var state = new ReleaseState("e1");
        Assert.Multiple(() =>
        {
            Assert.That(state.HasFinished("build"), Is.False);
            Assert.That(state.MarkFinished("build"), Is.True);
            Assert.That(state.MarkFinished(Parsed("build")), Is.False, "a redelivered end");
            Assert.That(state.HasFinished("build"), Is.True);
            Assert.That(state.HasFinished("Build"), Is.False, "names are case-sensitive, as SSM's are");
            Assert.That(state.MarkPrompted("step-1"), Is.True);
            Assert.That(state.MarkPrompted("step-1"), Is.False);
            Assert.That(state.HasPrompted("step-2"), Is.False);
        });
    }

    [Test]
    public void StepTextsParsedForDifferentReleasesAreOneInstance()
    {
        // Each SSM answer parses its own strings; what ten thousand tracked executions keep must not be ten thousand copies.
        var first = new StepView(Parsed("rollout"), Parsed("Success"), Parsed("12 s"), Approval: false);
        var second = new StepView(Parsed("rollout"), Parsed("Success"), Parsed("12 s"), Approval: false);
        var one = new ReleaseState("e1") { Status = Parsed("InProgress"), CurrentStep = Parsed("rollout") };
        var other = new ReleaseState("e2") { Status = Parsed("InProgress"), CurrentStep = Parsed("rollout") };

        Assert.Multiple(() =>
        {
            Assert.That(second.Name, Is.SameAs(first.Name));
            Assert.That(second.Status, Is.SameAs(first.Status));
            Assert.That(second.Duration, Is.SameAs(first.Duration));
            Assert.That(other.Status, Is.SameAs(one.Status));
            Assert.That(other.CurrentStep, Is.SameAs(one.CurrentStep));
            Assert.That(second, Is.EqualTo(first), "still equal by value");
            Assert.That((first with { Duration = Parsed("12 s") }).Duration, Is.SameAs(first.Duration), "a with-expression pools too");
            Assert.That(first with { Status = Parsed("Failed") }, Is.Not.EqualTo(first));
        });
    }

    private static string Parsed(string text) => new(text.AsSpan());
}
