using System.Text.RegularExpressions;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Core.Flow.Changes;
using SocketDeployer.Core.Flow.History;
using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Tests.Changes;

public class ReleaseHistoryTests
{
    internal static ServiceDefinition Service(string name = "app", string document = "Deploy-App", string? compare = null, string? requires = null) =>
        new(name, name + " service", document, "7", new Regex("^r-[0-9.]+$"), "^r-[0-9.]+$", "r-1.0.0",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["ReleaseTag"] = "{version}" }, ["S0DEPLOYERS"], ["U0BOB"], 1)
        {
            CompareUrl = compare,
            RequiresSuccessOn = requires,
        };

    private static CancellationToken None => CancellationToken.None;

    [Test]
    public async Task RecentListsTheServicesReleasesNewestFirstWithWhoApproved()
    {
        var ssm = new HistorySsm();
        ssm.Add("app", "r-1", "Success", 1, extra: new Dictionary<string, string>
        {
            [ExecutionTags.Prompt] = "approve-1@1700000000.000300",
            [ExecutionTags.Decision] = ApprovalTags.DecisionValue("approve-1", "approved", ["U0BOB", "U0ERIN"], DateTimeOffset.UnixEpoch),
        });
        ssm.Add("app", "r-2", "Failed", 10);
        ssm.Add("app", "r-1", "InProgress", 20, extra: new Dictionary<string, string> { [ChangeTags.Kind] = ChangeTags.RollbackKind });

        var records = await new ReleaseHistory(ssm, new ReleaseDirectory(ssm)).RecentAsync(Service(), 10, None);

        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => (r.Version, r.Status)), Is.EqualTo(new[] { ("r-1", "InProgress"), ("r-2", "Failed"), ("r-1", "Success") }));
            Assert.That(records[2].Approvers, Is.EqualTo(new[] { "U0BOB", "U0ERIN" }));
            Assert.That(records[1].Approvers, Is.Empty);
            Assert.That(records[0].IsRollback, Is.True);
            Assert.That(records[1].IsRollback, Is.False);
            Assert.That(records[2].End - records[2].Start, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(records[0].End, Is.Null);
        });
    }

    [Test]
    public async Task ASharedDocumentShowsOnlyTheReleasesTaggedWithTheService()
    {
        var ssm = new HistorySsm();
        ssm.Add("app", "r-1", "Success", 1);
        ssm.Add("app-canary", "r-9", "Success", 2);
        ssm.Add("", "", "Success", 3, fromSlack: false);

        var records = await new ReleaseHistory(ssm, new ReleaseDirectory(ssm)).RecentAsync(Service(), 10, None);
        Assert.That(records.Select(r => r.Version), Is.EqualTo(new[] { "r-1" }));
    }

    [Test]
    public async Task ReadingStopsOnceEnoughReleasesAreFound()
    {
        var ssm = new HistorySsm(pageSize: 3);
        for (var i = 0; i < 30; i++)
            ssm.Add("app", $"r-{i}", "Success", i);

        var records = await new ReleaseHistory(ssm, new ReleaseDirectory(ssm)).RecentAsync(Service(), 4, None);
        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => r.Version), Is.EqualTo(new[] { "r-29", "r-28", "r-27", "r-26" }));
            Assert.That(ssm.Pages, Is.EqualTo(2), "4 of 30 need two pages of 3");
            Assert.That(ssm.TagReads, Is.EqualTo(4));
        });
    }

    [Test]
    public async Task ReadingIsBoundedWhenTheServiceIsRareOnItsDocument()
    {
        var ssm = new HistorySsm(pageSize: 3);
        ssm.Add("app", "r-old", "Success", 0);
        for (var i = 1; i <= 3 * ReleaseHistory.MaxPages + 3; i++)
            ssm.Add("other", $"o-{i}", "Success", i);

        var history = new ReleaseHistory(ssm, new ReleaseDirectory(ssm));
        var live = await history.LiveAsync(Service(), None);
        Assert.Multiple(() =>
        {
            Assert.That(live, Is.Null, "the old release lies beyond the pages read");
            Assert.That(ssm.Pages, Is.EqualTo(ReleaseHistory.MaxPages));
        });
    }

    [Test]
    public async Task LiveIsTheLatestSuccess()
    {
        var ssm = new HistorySsm();
        ssm.Add("app", "r-1", "Success", 1);
        ssm.Add("app", "r-2", "CompletedWithSuccess", 2);
        ssm.Add("app", "r-3", "Failed", 3);
        ssm.Add("app", "r-4", "InProgress", 4);

        var live = await new ReleaseHistory(ssm, new ReleaseDirectory(ssm)).LiveAsync(Service(), None);
        Assert.That(live?.Version, Is.EqualTo("r-2"));
    }

    [Test]
    public async Task NoReleaseMeansNoHistoryAndNothingLive()
    {
        var ssm = new HistorySsm();
        var history = new ReleaseHistory(ssm, new ReleaseDirectory(ssm));
        Assert.Multiple(async () =>
        {
            Assert.That(await history.RecentAsync(Service(), 10, None), Is.Empty);
            Assert.That(await history.LiveAsync(Service(), None), Is.Null);
        });
    }
}
