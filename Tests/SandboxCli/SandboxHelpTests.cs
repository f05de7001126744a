using System.Diagnostics;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.SandboxCli;

/// <summary><c>dotnet run --project Sandbox -- --help</c> and an unknown command, as the Sandbox's own process.</summary>
public class SandboxHelpTests
{
    private static readonly string Executable = Path.Combine(
        RepoPaths.Root, "Sandbox", Path.GetRelativePath(Path.Combine(RepoPaths.Root, "Tests"), TestContext.CurrentContext.TestDirectory),
        "SocketDeployer.Sandbox.dll");

    private static async Task<(int Code, string Out, string Err)> RunAsync(string arg)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Executable);
        start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }

    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("help")]
    public async Task HelpListsWhatTheSandboxCanDoAndExitsZero(string arg)
    {
        var (code, stdout, stderr) = await RunAsync(arg);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            foreach (var verb in new[] { "demo", "faults", "bench", "web" })
            {
                Assert.That(stdout, Does.Match($@"(?m)^\s+(\(none\), )?{verb}\s"), verb);
            }

            Assert.That(stdout, Does.Contain("dotnet run --project Sandbox"));
        });
    }

    [Test]
    public async Task AnUnknownCommandSaysSoPrintsTheHelpAndExitsTwo()
    {
        var (code, stdout, stderr) = await RunAsync("deploy-everything");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.StartWith("Unknown command 'deploy-everything'."));
            Assert.That(stderr, Does.Contain("Commands:"));
            Assert.That(stdout, Is.Empty);
        });
    }
}
