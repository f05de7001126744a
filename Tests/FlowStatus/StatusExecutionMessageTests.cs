using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Flow.Status;

namespace SocketDeployer.Tests.FlowStatus;

public class StatusExecutionMessageTests
{
    private const string Id = "0b6e4f2c-1111-4a2b-9c3d-5e6f7a8b9c0d";
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly Uri Console = new("https://console.example/execution");

    private static StepExecution Step(string name, string action, string status) =>
        new(name, action, status, Guid.NewGuid().ToString(), null, null, null, new Dictionary<string, string>());

    private static AutomationExecution Execution(string status, DateTimeOffset? end = null, string? current = null, string? failure = null) =>
        new(Id, "Deploy-App", "7", status, Start, end, failure, current, null,
            [Step("build", "aws:executeAwsApi", "Success"), Step("approve", "aws:approve", current is null ? "Success" : "Waiting"), Step("rollout", "aws:executeAwsApi", "Pending")]);

    [Test]
    public void ARunningExecutionShowsItsCurrentStepAndHowLongItRuns()
    {
        var message = StatusMessages.Execution("app", Execution("Waiting", current: "approve"), StatusMessagesTests.Release(), Console, Start.AddMinutes(3));
        Assert.Multiple(() =>
        {
            Assert.That(message.Text, Does.Contain("*app* `r-99.1.0` by <@U0ALICE> — *Waiting*"));
            Assert.That(message.Text, Does.Contain("Current step: `approve` (aws:approve, Waiting)"));
            Assert.That(message.Text, Does.Contain("Started 2026-11-22 12:00:00 UTC, running for 3m"));
            Assert.That(message.Text, Does.Contain($"<{Console}|`{Id}`>"));
        });
    }

    [Test]
    public void AFinishedExecutionShowsWhenItEndedAndItsFailureEscaped()
    {
        var failure = "Step fails: <!channel> `boom` " + new string('x', 1000);
        var message = StatusMessages.Execution("app", Execution("Failed", Start.AddMinutes(14), failure: failure), null, Console, Start.AddHours(1));
        Assert.Multiple(() =>
        {
            Assert.That(message.Text, Does.Contain("*app* started outside Slack — *Failed*"));
            Assert.That(message.Text, Does.Contain("Last step: `approve`"));
            Assert.That(message.Text, Does.Contain("ended 2026-11-22 12:14:00 UTC, took 14m"));
            Assert.That(message.Text, Does.Contain("Failure: `Step fails: &lt;!channel&gt;"));
            Assert.That(message.Text, Does.Not.Contain("<!channel>").And.Not.Contain("`boom`"));
            Assert.That(message.Text, Has.Length.LessThan(StatusMessages.MaxFailureLength + 400), "the failure is capped");
        });
    }

    [Test]
    public void AnUnknownIdIsNamed() =>
        Assert.That(StatusMessages.UnknownExecution(Id).Text, Does.Contain($"no execution `{Id}`"));
}
