using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.SandboxCli;

/// <summary><c>dotnet run --project Sandbox -- --help</c> and an unknown command, as the Sandbox's own process.</summary>
public class SandboxHelpTests
{
    private static Task<(int Code, string Out, string Err)> RunAsync(string arg) =>
        ExecutableRun.RunAsync(RepoPaths.SandboxExecutable, [arg]);

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
