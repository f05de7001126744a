using SocketDeployer.Core.Flow.Cancel;

namespace SocketDeployer.Tests.FlowStatus;

public class CancelMessagesTests
{
    private const string Id = "0b6e4f2c-1111-4a2b-9c3d-5e6f7a8b9c0d";
    private static readonly Uri Console = new("https://console.example/execution");

    [Test]
    public void TheReleaseThreadHearsWhoCancelledWhat()
    {
        var message = CancelMessages.Cancelled("U0BOB", StatusMessagesTests.Release(), Console);
        Assert.Multiple(() =>
        {
            Assert.That(message.Text, Is.EqualTo(":octagonal_sign: <@U0BOB> cancelled *app* `r-99.1.0`"));
            Assert.That(message.Blocks!.ToJsonString(), Does.Contain(Console.ToString()).And.Contain(Id));
        });
    }

    [Test]
    public void TagTextIsEscaped()
    {
        var release = StatusMessagesTests.Release(version: "`x` <!here>", service: "<!channel>");
        var texts = new[]
        {
            CancelMessages.Cancelled("U0BOB", release, Console).Text,
            CancelMessages.Confirmed(release).Text,
            CancelMessages.AlreadyFinished(release, "Success").Text,
            CancelMessages.NotAService(release).Text,
        };
        Assert.That(texts, Has.All.Not.Contain("<!here>").And.Not.Contain("<!channel>").And.Not.Contain("`x`"));
    }

    [Test]
    public void AnExecutionNotFromSlackPointsToTheConsole() =>
        Assert.That(CancelMessages.NotFromSlack(Id).Text, Does.Contain($"`{Id}` was not started from Slack").And.Contain("AWS console"));

    [Test]
    public void AFinishedReleaseSaysHowItEnded() =>
        Assert.That(CancelMessages.AlreadyFinished(StatusMessagesTests.Release(), "Success").Text, Does.Contain("already finished (Success)"));

    [Test]
    public void TheConfirmationSaysWhetherTheReleaseThreadWasTold() =>
        Assert.Multiple(() =>
        {
            Assert.That(CancelMessages.Confirmed(StatusMessagesTests.Release()).Text, Does.Contain("Cancelled *app* `r-99.1.0`").And.Contain("says so too"));
            Assert.That(CancelMessages.Confirmed(StatusMessagesTests.Release(), releaseThreadTold: false).Text, Does.Contain("could not be told"));
        });

    [Test]
    public void AnAwsErrorIsQuotedEscapedAndShort()
    {
        var text = CancelMessages.CouldNotCancel(Id, "InvalidAutomationStatusUpdateException: <b>" + new string('y', 500)).Text;
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith($":x: Could not cancel `{Id}`: InvalidAutomationStatusUpdateException: &lt;b&gt;"));
            Assert.That(text, Has.Length.LessThan(320));
        });
    }
}
