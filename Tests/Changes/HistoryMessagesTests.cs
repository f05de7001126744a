using SocketDeployer.Core.Flow.History;
using SocketDeployer.Core.Flow.Rollback;
using SocketDeployer.Tests.FlowProgress;

namespace SocketDeployer.Tests.Changes;

public class HistoryMessagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static ReleaseRecord Record(string version, string status, int minutes, string[]? approvers = null, bool rollback = false, bool ended = true) =>
        new($"00000000-0000-4000-8000-{minutes:D12}", "app", version, "U0ALICE", approvers ?? [], status,
            Now.AddMinutes(-minutes), ended ? Now.AddMinutes(-minutes + 3) : null, rollback);

    private static Uri Console(string id) => new($"https://console.example/{id}");

    [Test]
    public void EachLineHasVersionResultDurationPeopleTimeAndLink()
    {
        var line = HistoryMessages.Line(Record("r-1", "Success", 60, ["U0BOB"]), Console("x"), Now);
        Assert.That(line, Is.EqualTo("`r-1` — :white_check_mark: Success in 3m · by <@U0ALICE> · approved by <@U0BOB> · 2026-12-01 11:00 UTC · <https://console.example/x|`00000000-0000-4000-8000-000000000060`>"));
    }

    [Test]
    public void ARunningReleaseShowsHowLongItRunsAndARollbackSaysSo()
    {
        var line = HistoryMessages.Line(Record("r-0", "InProgress", 5, rollback: true, ended: false), Console("x"), Now);
        Assert.That(line, Does.StartWith(":rewind: rollback to `r-0` — :arrows_counterclockwise: InProgress for 5m · by <@U0ALICE> · 2026-12-01 11:55 UTC"));
    }

    [Test]
    public void NoHistorySaysHowToStartOne()
    {
        var message = HistoryMessages.List(ReleaseHistoryTests.Service(), [], Console, Now);
        Assert.That(message.Text, Is.EqualTo(":grey_question: *app* has no release started from Slack yet. `run deploy app &lt;version&gt;` starts one."));
    }

    [Test]
    public void FiftyReleasesFitInSectionsOfSlacksSize()
    {
        var records = Enumerable.Range(1, 50).Select(i => Record($"r-{i}", i % 3 == 0 ? "Failed" : "Success", i, ["U0BOB", "U0ERIN"])).ToList();
        var message = HistoryMessages.List(ReleaseHistoryTests.Service(), records, Console, Now);
        var sections = message.Blocks!.Where(b => b!["type"]!.GetValue<string>() == "section").Select(b => b!["text"]!["text"]!.GetValue<string>()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sections[0], Is.EqualTo(":scroll: *app* — the last 50 releases, newest first"));
            Assert.That(sections, Has.Count.GreaterThan(2));
            Assert.That(sections, Has.All.Length.LessThanOrEqualTo(3000));
            Assert.That(sections.Sum(s => s.Split('\n').Count(l => l.StartsWith("• ", StringComparison.Ordinal))), Is.EqualTo(50), "no release is cut");
            Assert.That(message.Text, Does.Contain("`r-50`").And.Contain("`r-1`"));
        });
    }

    [Test]
    public void TheRollbackRefusalsNameWhatIsPossible()
    {
        var app = ReleaseHistoryTests.Service();
        Assert.Multiple(() =>
        {
            Assert.That(RollbackMessages.NothingLive(app).Text, Does.Contain("Nothing to roll back to: *app* has no successful release yet"));
            Assert.That(RollbackMessages.NoEarlier(app, "r-1").Text, Does.Contain("`r-1` is live and no earlier version of *app* succeeded"));
            Assert.That(RollbackMessages.AlreadyLive(app, "r-1").Text, Does.Contain("`r-1` is already live on *app*"));
            Assert.That(RollbackMessages.NeverSucceeded(app, "r-9", ["r-2", "r-1"]).Text,
                Does.Contain("`r-9` never succeeded on *app*").And.Contain("Versions that did: `r-2`, `r-1`."));
            Assert.That(RollbackMessages.NeverSucceeded(app, "r-<!here>", []).Text, Does.Contain("`r-&lt;!here&gt;`").And.Not.Contain("Versions that did"));
        });
    }

    [Test]
    public void ConsoleLinksComeFromTheLinksGiven() =>
        Assert.That(HistoryMessages.List(ReleaseHistoryTests.Service(), [Record("r-1", "Success", 1)], _ => Samples.Console, Now).Blocks!.ToJsonString(),
            Does.Contain(Samples.Console.ToString()));
}
