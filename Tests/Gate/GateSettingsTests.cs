using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Verbs;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Gate;

public class GateSettingsTests
{
    private static readonly string Shipped = Path.Combine(RepoPaths.Root, "appsettings.json");

    private static GateSettings? Read(out IReadOnlyList<string> failures, params string[] overrides) =>
        GateSettings.Read(DaemonCommandLine.Parse(["gate", "app", "--summary", "x", "--config", Shipped, .. overrides]), null, out failures);

    [Test]
    public void ReadsTheShippedGateAndCatalogWithoutSlackTokensOrQueue()
    {
        using var settings = Read(out var failures, "--Aws:QueueUrl=");
        Assert.That(failures, Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(settings!.Gate.Document, Is.EqualTo("SocketDeployer-Gate"));
            Assert.That(settings.Gate.DocumentVersion, Is.EqualTo("1"));
            Assert.That(settings.Services, Is.EqualTo(new[] { "app", "ui" }));
        });
    }

    [Test]
    public void CommandLineOverridesWinAndUnknownGateKeysAreRefused()
    {
        using var pinned = Read(out _, "--Deploy:Gate:DocumentVersion=4");
        Assert.That(pinned!.Gate.DocumentVersion, Is.EqualTo("4"));

        using var misspelt = Read(out var failures, "--Deploy:Gate:DocumentVersions=4");
        Assert.That(misspelt, Is.Null);
        Assert.That(failures, Has.Some.Contains("Deploy:Gate:DocumentVersions: unknown key"));
    }

    [Test]
    public void AnUnpinnedGateIsRefused()
    {
        using var settings = Read(out var failures, "--Deploy:Gate:DocumentVersion=$LATEST");
        Assert.That(failures, Has.Some.Contains("Deploy:Gate:DocumentVersion: must be a pinned version"));
    }
}
