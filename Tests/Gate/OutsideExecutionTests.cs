using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Outside;

namespace SocketDeployer.Tests.Gate;

public class OutsideExecutionTests
{
    private static readonly ServiceCatalog Catalog = new(new DeployOptions
    {
        Channels = ["C0DEPLOY"],
        Services = new(StringComparer.Ordinal)
        {
            ["app"] = new ServiceOptions
            {
                Description = "API", Document = "Deploy-App", DocumentVersion = "7", VersionPattern = "^r-\\d+$", Example = "r-1",
                Parameters = new(StringComparer.Ordinal) { ["ReleaseTag"] = "{version}", ["RequestedBy"] = "{user}" },
                Approvers = ["U0BOB"],
            },
            ["ui"] = new ServiceOptions
            {
                Description = "UI", Document = "Deploy-UI", DocumentVersion = "3", VersionPattern = "^r-\\d+$", Example = "r-1",
                Approvers = ["U0BOB"], Channel = "C0UI",
            },
        },
    });

    private static AutomationExecution Execution(string document, params (string Name, string Value)[] parameters) =>
        new("id-1", document, "1", "InProgress", null, null, null, null, null, [])
        {
            Parameters = parameters.ToDictionary(p => p.Name, p => (IReadOnlyList<string>)[p.Value], StringComparer.Ordinal),
            ExecutedBy = "arn:aws:sts::123456789012:assumed-role/ci/runner",
        };

    [Test]
    public void AGateNamesItsServiceSummaryAndSlackRequester()
    {
        var gate = OutsideExecution.Read(Execution("SocketDeployer-Gate", ("Service", "app"), ("Summary", "Release (1.2), now!"), ("RequestedBy", "U0ALICE")), Catalog)!;
        Assert.Multiple(() =>
        {
            Assert.That(gate.IsGate, Is.True);
            Assert.That(gate.Service.Name, Is.EqualTo("app"));
            Assert.That(gate.Summary, Is.EqualTo("Release (1.2), now!"));
            Assert.That(gate.Version, Is.EqualTo("Release 1.2 now"), "the version tag holds only what AWS allows in a tag value");
            Assert.That(gate.Requester, Is.EqualTo("U0ALICE"));
            Assert.That(Catalog.ChannelOf(gate.Service), Is.EqualTo("C0DEPLOY"));
        });
    }

    [Test]
    public void ARequesterWhoIsNoSlackIdIsShownButUnknownToFourEyes()
    {
        var gate = OutsideExecution.Read(Execution("SocketDeployer-Gate", ("Service", "ui"), ("Summary", "x"), ("RequestedBy", "alice@example.com")), Catalog)!;
        Assert.Multiple(() =>
        {
            Assert.That(gate.Requester, Is.Empty);
            Assert.That(gate.RequestedBy, Is.EqualTo("alice@example.com"));
            Assert.That(Catalog.ChannelOf(gate.Service), Is.EqualTo("C0UI"), "a service may name its own channel");
            Assert.That(OutsideMessages.Announcement(gate, new Uri("https://console")).Text, Does.Contain("alice@\u2060example.com").And.Contain("unknown to four-eyes"), "shown, never able to ping");
        });
    }

    [Test]
    public void ADeployDocumentReadsTheCatalogsVersionAndRequesterParameters()
    {
        var deploy = OutsideExecution.Read(Execution("Deploy-App", ("ReleaseTag", "r-7"), ("RequestedBy", "U0CAROL")), Catalog)!;
        Assert.Multiple(() =>
        {
            Assert.That(deploy.IsGate, Is.False);
            Assert.That(deploy.Version, Is.EqualTo("r-7"));
            Assert.That(deploy.Requester, Is.EqualTo("U0CAROL"));
            Assert.That(OutsideMessages.Announcement(deploy, new Uri("https://console")).Text,
                Does.Contain("*app* `r-7` was started outside Slack").And.Contain("assumed-role/ci/runner"));
        });
    }

    [TestCase("Other-Document", "app")]
    [TestCase("SocketDeployer-Gate", "nope")]
    public void AnythingElseIsNotOurs(string document, string service) =>
        Assert.That(OutsideExecution.Read(Execution(document, ("Service", service), ("Summary", "x")), Catalog), Is.Null);
}
