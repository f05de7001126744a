using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Flow;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Flow.Status;

namespace SocketDeployer.Tests.FlowStatus;

public class StatusMessagesTests
{
    private const string Id = "0b6e4f2c-1111-4a2b-9c3d-5e6f7a8b9c0d";
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly Uri Console = new("https://us-east-1.console.aws.amazon.com/systems-manager/automation/execution/x?region=us-east-1");

    internal static ReleaseInfo Release(string version = "r-99.1.0", string requester = "U0ALICE", string service = "app", string id = Id) =>
        new(id, "C0123PRODDEPLOY", "1700000000.000100", requester, service, version, "1700000000.000200", new Dictionary<string, string>());

    private static ReleaseLine Line(string status, ReleaseInfo? release, TimeSpan age, string service = "app", string id = Id) =>
        new(service, new AutomationExecutionSummary(id, "Deploy-App", status, Now - age, null), release, Console);

    [Test]
    public void NothingRunningSaysSoAndListsEachServicesLastResult()
    {
        var message = StatusMessages.Overview(
            [new ServiceStatus("app", [], Line("Success", Release("r-98.0.0"), TimeSpan.FromHours(3))), new ServiceStatus("ui", [], null)], Now);
        Assert.Multiple(() =>
        {
            Assert.That(message.Text, Does.Contain("Nothing is running."));
            Assert.That(message.Text, Does.Contain("*app* `r-98.0.0` by <@U0ALICE> — Success, started 3h 00m ago"));
            Assert.That(message.Text, Does.Contain("*ui* — no finished release yet"));
            Assert.That(message.Blocks!.ToJsonString(), Does.Contain(Console.ToString()));
        });
    }

    [Test]
    public void ARunningReleaseShowsWhoWhatStatusElapsedAndTheConsole()
    {
        var running = Line("Waiting", Release(), TimeSpan.FromMinutes(14));
        var message = StatusMessages.Overview([new ServiceStatus("app", [running], null)], Now, "app");
        Assert.Multiple(() =>
        {
            Assert.That(message.Text, Does.Not.Contain("Nothing"));
            Assert.That(message.Text, Does.Contain($"*app* `r-99.1.0` by <@U0ALICE> — Waiting for 14m · <{Console}|`{Id}`>"));
        });
    }

    [Test]
    public void AScopedOverviewNamesTheService() =>
        Assert.That(StatusMessages.Overview([new ServiceStatus("ui", [], null)], Now, "ui").Text, Does.Contain("Nothing of *ui* is running."));

    [Test]
    public void AnExecutionWithoutTagsWasStartedOutsideSlack() =>
        Assert.That(
            StatusMessages.Overview([new ServiceStatus("app", [Line("InProgress", null, TimeSpan.FromSeconds(5))], null)], Now).Text,
            Does.Contain("*app* started outside Slack — InProgress for 5s"));

    [Test]
    public void TagValuesAreEscapedAndCannotPing()
    {
        var hostile = Release(version: "`<!channel>` @here <http://x|y>", requester: "<!here>");
        var text = StatusMessages.Overview([new ServiceStatus("app", [Line("InProgress", hostile, TimeSpan.Zero)], null)], Now).Text;
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("<!channel>").And.Not.Contain("<!here>").And.Not.Contain("<http://x"));
            Assert.That(text, Does.Not.Contain("@here"), "a word joiner follows every @");
            Assert.That(text, Does.Contain("`&lt;!here&gt;`"), "a requester that is not a user id is shown, not mentioned");
        });
    }

    [Test]
    public void ALongListIsCutWithACount()
    {
        var lines = Enumerable.Range(0, 30).Select(i => $"line {i}").ToList();
        var text = StatusMessages.List("*Running*", lines);
        Assert.Multiple(() =>
        {
            Assert.That(text.Split('\n'), Has.Length.EqualTo(1 + StatusMessages.MaxLines + 1));
            Assert.That(text, Does.EndWith("\n… and 10 more"));
            Assert.That(text, Does.Contain("line 19").And.Not.Contain("line 20"));
        });
    }

    [Test]
    public void LongLinesAreCutToOneSection()
    {
        var lines = Enumerable.Range(0, 15).Select(i => new string('x', 400) + i).ToList();
        var text = StatusMessages.List("*Running*", lines);
        Assert.Multiple(() =>
        {
            Assert.That(text, Has.Length.LessThanOrEqualTo(BlockKit.SectionLimit));
            Assert.That(text, Does.EndWith("… and 8 more"));
        });
    }

    [Test]
    public void ManyRunningExecutionsStayWithinBlockKitLimits()
    {
        var running = Enumerable.Range(0, 200)
            .Select(i => Line("InProgress", Release(version: new string('9', 200)), TimeSpan.FromMinutes(i), id: Guid.NewGuid().ToString()))
            .ToList();
        var message = StatusMessages.Overview([new ServiceStatus("app", running, null)], Now);
        Assert.Multiple(() =>
        {
            Assert.That(message.Text, Does.Contain("more"));
            foreach (var block in message.Blocks!)
            {
                var text = block!["text"]?["text"]?.GetValue<string>() ?? "";
                Assert.That(text, Has.Length.LessThanOrEqualTo(BlockKit.SectionLimit));
            }
        });
    }

    [TestCase(0, "0s")]
    [TestCase(59, "59s")]
    [TestCase(60, "1m")]
    [TestCase(3599, "59m")]
    [TestCase(3600 + 300, "1h 05m")]
    [TestCase(86400 * 3 + 3600 * 4 + 60, "3d 4h")]
    [TestCase(-30, "0s")]
    public void DurationsAreShort(int seconds, string expected) =>
        Assert.That(StatusMessages.Duration(TimeSpan.FromSeconds(seconds)), Is.EqualTo(expected));

    [TestCase("U0ALICE", "<@U0ALICE>")]
    [TestCase("W012ABC", "<@W012ABC>")]
    [TestCase("S0GROUP", "`S0GROUP`")]
    [TestCase("u0alice", "`u0alice`")]
    public void OnlyUserIdsBecomeMentions(string id, string expected) =>
        Assert.That(StatusMessages.Person(id), Is.EqualTo(expected));
}
