using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;
using SocketDeployer.Sandbox.Web;

namespace SocketDeployer.Tests.Web;

/// <summary>An admin's own catalog on the page: what the Sandbox adds so every service, channel and person exists.</summary>
public sealed class WebCatalogTests
{
    [Test]
    public async Task A_catalog_of_unknown_people_groups_and_channels_gets_them_in_the_workspace_with_their_roles()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "web-catalog.json");
        await File.WriteAllTextAsync(path, """
            { "Deploy": { "Channels": [ "C0PAYMENTS" ], "Services": { "payments": {
                "Description": "Payments", "Document": "Deploy-Payments", "DocumentVersion": "2", "VersionPattern": "^v\\d+$",
                "Example": "v1", "Deployers": [ "U0ZOE" ], "Approvers": [ "S0PAYAPPROVERS", "U0BOB" ], "RequiredApprovals": 2 } } } }
            """);
        var catalog = WebCatalog.Load(path);
        await using var slack = await SlackWorkspace.StartAsync();
        SandboxPeople.Seed(slack);

        catalog.Seed(slack);

        Assert.Multiple(() =>
        {
            Assert.That(catalog.DeployChannel, Is.EqualTo("C0PAYMENTS"));
            Assert.That(slack.Channels.Select(c => c.Id), Does.Contain("C0PAYMENTS"));
            Assert.That(slack.People.Select(p => p.Name), Is.SupersetOf(new[] { "u0zoe", "s0payapprovers-a", "s0payapprovers-b" }));
            Assert.That(catalog.RolesOf("U0ZOE", slack), Is.EqualTo("deploys payments"));
            Assert.That(catalog.RolesOf("U0PAYAPPROVERSA", slack), Is.EqualTo("approves payments"));
            Assert.That(catalog.RolesOf(SandboxPeople.Bob, slack), Is.EqualTo("approves payments"));
            Assert.That(catalog.RolesOf(SandboxPeople.Dave, slack), Is.EqualTo("no role"));
            Assert.That(catalog.Connections, Is.EqualTo(2), "Slack:Connections defaults as the daemon's");
        });
    }

    [Test]
    public void A_missing_catalog_file_is_named_in_the_error()
    {
        var missing = Path.Combine(TestContext.CurrentContext.WorkDirectory, "no-such-appsettings.json");
        Assert.That(() => WebCatalog.Load(missing), Throws.TypeOf<FileNotFoundException>().With.Message.Contains(missing));
    }
}
