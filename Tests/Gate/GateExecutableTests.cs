using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Gate;

/// <summary>The executable's gate verb where no AWS is needed: its errors are exit 2, never 1 (which means rejected).</summary>
public class GateExecutableTests
{
    private static async Task<(int Code, string Err)> RunAsync(params string[] args)
    {
        var (code, _, stderr) = await ExecutableRun.RunAsync(RepoPaths.DaemonExecutable, args);
        return (code, stderr);
    }

    [Test]
    public async Task AnUnknownServiceExitsTwoNamingTheCatalog()
    {
        var (code, err) = await RunAsync("gate", "billing", "--summary", "x", "--config", Path.Combine(RepoPaths.Root, "appsettings.json"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(err, Does.Contain("`billing`").And.Contain("Nothing was started"));
        });
    }

    [Test]
    public async Task AMissingSummaryExitsTwoWithTheUsage()
    {
        var (code, err) = await RunAsync("gate", "app");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(err, Does.Contain("--summary").And.Contain("Usage:"));
        });
    }
}
