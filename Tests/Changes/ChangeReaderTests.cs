using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Changes;
using SocketDeployer.Core.Flow.History;
using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Tests.Changes;

public class ChangeReaderTests
{
    private const string Compare = "https://github.com/org/app/compare/{from}...{to}";

    private static (ChangeReader Reader, ServiceDefinition App) Reader(HistorySsm ssm, string? requires = "app-staging")
    {
        var app = ReleaseHistoryTests.Service(compare: Compare, requires: requires);
        var staging = ReleaseHistoryTests.Service("app-staging", "Deploy-App-Staging");
        var catalog = CatalogOf([app, staging]);
        return (new ChangeReader(catalog, new ReleaseHistory(ssm, new ReleaseDirectory(ssm))), app);
    }

    [Test]
    public async Task TheLiveVersionAndTheComparisonLink()
    {
        var ssm = new HistorySsm();
        ssm.Add("app", "r-1.0.0", "Success", 1);
        ssm.Add("app-staging", "r-1.1.0", "Success", 2, document: "Deploy-App-Staging");
        var (reader, app) = Reader(ssm);

        var check = await reader.CheckAsync(app, "r-1.1.0", isRollback: false, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(check.Gap, Is.Null);
            Assert.That(check.Changes.LiveVersion, Is.EqualTo("r-1.0.0"));
            Assert.That(check.Changes.Compare?.AbsoluteUri, Is.EqualTo("https://github.com/org/app/compare/r-1.0.0...r-1.1.0"));
            Assert.That(check.Changes.PromotedFrom?.Service, Is.EqualTo("app-staging"));
            Assert.That(check.Changes.PromotedFrom?.At, Is.EqualTo(new DateTimeOffset(2026, 12, 1, 9, 4, 0, TimeSpan.Zero)), "when it ended there");
        });
    }

    [Test]
    public async Task NothingLiveMeansNoComparison()
    {
        var (reader, app) = Reader(new HistorySsm(), requires: null);
        var check = await reader.CheckAsync(app, "r-1.0.0", isRollback: false, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(check.Changes.LiveVersion, Is.Null);
            Assert.That(check.Changes.Compare, Is.Null);
            Assert.That(ChangeMessages.Live(check.Changes), Is.EqualTo("Nothing is live yet"));
        });
    }

    [Test]
    public async Task AVersionThatDidNotSucceedUpstreamIsAGapListingTheRecentOnes()
    {
        var ssm = new HistorySsm(pageSize: 2);
        for (var i = 1; i <= 7; i++)
            ssm.Add("app-staging", $"r-{i}.0.0", "Success", i, document: "Deploy-App-Staging");
        ssm.Add("app-staging", "r-7.0.0", "Success", 8, document: "Deploy-App-Staging");
        ssm.Add("app-staging", "r-9.0.0", "Failed", 9, document: "Deploy-App-Staging");
        var (reader, app) = Reader(ssm);

        var check = await reader.CheckAsync(app, "r-9.0.0", isRollback: false, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(check.Gap?.Service, Is.EqualTo("app-staging"));
            Assert.That(check.Gap?.Accepted, Is.EqualTo(new[] { "r-7.0.0", "r-6.0.0", "r-5.0.0", "r-4.0.0", "r-3.0.0" }), "distinct, newest first, at most five");
            Assert.That(check.Changes.PromotedFrom, Is.Null);
        });
    }

    [Test]
    public async Task NothingUpstreamIsAGapWithNoVersions()
    {
        var (reader, app) = Reader(new HistorySsm());
        var check = await reader.CheckAsync(app, "r-1.0.0", isRollback: false, CancellationToken.None);
        Assert.That(check.Gap?.Accepted, Is.Empty);
        Assert.That(ChangeMessages.NotPromoted(app, "r-1.0.0", check.Gap!), Does.Contain("Nothing has succeeded on *app-staging* yet."));
    }

    [Test]
    public async Task ARollbackIsNotAskedForPromotion()
    {
        var ssm = new HistorySsm();
        ssm.Add("app", "r-1.0.0", "Success", 1);
        var (reader, app) = Reader(ssm);
        var check = await reader.CheckAsync(app, "r-0.9.0", isRollback: true, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(check.Gap, Is.Null);
            Assert.That(check.Changes.IsRollback, Is.True);
            Assert.That(ssm.Pages, Is.EqualTo(1), "only the live version was read");
        });
    }

    /// <summary>The catalog those definitions come from, built through the options path.</summary>
    private static ServiceCatalog CatalogOf(IReadOnlyList<ServiceDefinition> services) => new(new DeployOptions
    {
        Channels = ["C0123PRODDEPLOY"],
        Services = services.ToDictionary(s => s.Name, s => new ServiceOptions
        {
            Description = s.Description,
            Document = s.Document,
            DocumentVersion = s.DocumentVersion,
            VersionPattern = s.VersionPatternText,
            Example = s.Example,
            Parameters = new(s.Parameters, StringComparer.Ordinal),
            Deployers = [.. s.Deployers],
            Approvers = [.. s.Approvers],
            CompareUrl = s.CompareUrl,
            RequiresSuccessOn = s.RequiresSuccessOn,
        }, StringComparer.Ordinal),
    });
}
