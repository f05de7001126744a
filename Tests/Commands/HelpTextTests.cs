using System.Collections.ObjectModel;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;

namespace SocketDeployer.Tests.Commands;

public class HelpTextTests
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["U0BOB"] = "@bob",
        ["S0PRODAPPROVERS"] = "@prod-approvers",
        ["S0DEPLOYERS"] = "@deployers",
        ["U0EVE"] = "<!channel>",
    };

    [Test]
    public void ListsEveryServiceWithFormatPeopleAndUsage()
    {
        var services = new[]
        {
            Service("app", @"^r-\d+\.\d+\.\d+$", "r-99.1.0", deployers: ["S0DEPLOYERS"], approvers: ["U0BOB", "S0PRODAPPROVERS"]),
            Service("billing", @"^v\d+$", "v12", approvers: ["U0BOB"], requiredApprovals: 2, description: "Invoices & <!here> payments"),
        };

        string help = HelpText.Build(services, id => Names.GetValueOrDefault(id), "@deploybot");

        Assert.Multiple(() =>
        {
            Assert.That(help, Does.Contain("`app` — app service"));
            Assert.That(help, Does.Contain(@"`^r-\d+\.\d+\.\d+$`, e.g. `r-99.1.0`"));
            Assert.That(help, Does.Contain("deployers: @\u2060deployers · approvers: @\u2060bob, @\u2060prod-approvers · 1 approval needed"));
            Assert.That(help, Does.Contain("`billing` — Invoices &amp; &lt;!here&gt; payments"));
            Assert.That(help, Does.Contain("deployers: none listed · approvers: @\u2060bob · 2 approvals needed"));
            Assert.That(help, Does.EndWith(UsageText.Build("@deploybot")));
            Assert.That(help, Does.Contain("*Pipelines*").And.Contain("socketdeployer gate &lt;service&gt;").And.Contain("docs/gate.md")
                .And.Contain("0 approved, 1 rejected, 3 timed out or cancelled"));
            Assert.That(help, Does.Not.Contain("<@").And.Not.Contain("<!subteam").And.Not.Contain("<!"));
            Assert.That(help, Does.Not.Contain("U0BOB").And.Not.Contain("S0PRODAPPROVERS"));
        });
    }

    [Test]
    public void NeverPingsEvenWhenANameLooksLikeAMention()
    {
        var services = new[] { Service("app", "^x$", "x", approvers: ["U0EVE", "S0PRODAPPROVERS"]) };
        string help = HelpText.Build(services, id => Names.GetValueOrDefault(id), "@deploybot");
        Assert.Multiple(() =>
        {
            Assert.That(help, Does.Contain("&lt;!channel&gt;"));
            Assert.That(help, Does.Not.Contain("<").And.Not.Contain("@prod-approvers"));
        });
    }

    [Test]
    public void FallsBackToTheIdWhenNoNameIsKnown()
    {
        var services = new[] { Service("app", "^x$", "x", approvers: ["U0UNKNOWN"]) };
        string help = HelpText.Build(services, _ => null, "@deploybot");
        Assert.That(help, Does.Contain("approvers: U0UNKNOWN"));
    }

    [Test]
    public void SaysSoWhenNothingIsConfigured() =>
        Assert.That(HelpText.Build([], _ => "", "@deploybot"), Does.StartWith("No services are configured."));

    internal static ServiceDefinition Service(
        string name,
        string pattern,
        string example,
        string[]? deployers = null,
        string[]? approvers = null,
        int requiredApprovals = 1,
        string? description = null) =>
        new(
            name,
            description ?? name + " service",
            "Deploy-" + name,
            "1",
            VersionCheck.Compile(pattern),
            pattern,
            example,
            ReadOnlyDictionary<string, string>.Empty,
            deployers ?? [],
            approvers ?? ["U0BOB"],
            requiredApprovals);
}
