using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Verbs;
using SocketDeployer.Sandbox.Environment;

namespace SocketDeployer.Tests.Policy;

/// <summary><c>check-config --online</c> asks DynamoDB for the lock table (DescribeTable through the SDK, against the
/// Sandbox's real error shapes): it must exist and have exactly one string partition key, LockKey.</summary>
public class LockTableCheckTests
{
    private SandboxEnvironment env = null!;

    [SetUp]
    public async Task StartSandbox() => env = await SandboxEnvironment.StartAsync();

    [TearDown]
    public async Task StopSandbox() => await env.DisposeAsync();

    private async Task<(int Code, string Output)> CheckOnlineAsync(params string[] overrides)
    {
        using var output = new StringWriter();
        var code = await CheckConfigVerb.RunAsync(
            DaemonCommandLine.Parse(["check-config", "--online", .. env.DaemonArguments().Skip(1), .. overrides]), env.AddAwsCredentials, output);
        return (code, output.ToString());
    }

    [Test]
    public async Task TheSandboxsLockTablePasses()
    {
        var (code, output) = await CheckOnlineAsync();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output);
            Assert.That(output, Does.Contain($"✓ DynamoDB lock table {SandboxEnvironment.LockTable} (DescribeTable): ACTIVE, partition key LockKey (string)"));
        });
    }

    [Test]
    public async Task AMissingTableSaysHowToCreateIt()
    {
        var (code, output) = await CheckOnlineAsync("--Aws:LockTable=socketdeployer-lock-typo");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(output, Does.Contain("✗ DynamoDB lock table socketdeployer-lock-typo (DescribeTable): no table socketdeployer-lock-typo in this account and region: " +
                                             "create it (infra/socketdeployer.yaml, LockTable) or set Aws:LockTable to its name"));
        });
    }

    [Test]
    public async Task ATableWithAnotherKeyIsRefused()
    {
        env.Aws.CreateTable("socketdeployer-other", "Id");
        var (code, output) = await CheckOnlineAsync("--Aws:LockTable=socketdeployer-other");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(output, Does.Contain("✗ DynamoDB lock table socketdeployer-other (DescribeTable): table socketdeployer-other has key schema [Id (HASH)]; " +
                                             "the lock table needs exactly one string partition (HASH) key named LockKey and no sort key"));
        });
    }
}
