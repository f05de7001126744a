using System.Diagnostics;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Aws;

/// <summary>The daemon on a host where the SDK's credential chain finds nothing: one line that says so, the right exit code, quickly.</summary>
public class MissingCredentialsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>Empties every link of the chain a test machine could have; the instance-metadata probe stays off (loopback only).</summary>
    private static readonly Dictionary<string, string> NoCredentials = new(StringComparer.Ordinal)
    {
        ["AWS_ACCESS_KEY_ID"] = "",
        ["AWS_SECRET_ACCESS_KEY"] = "",
        ["AWS_SESSION_TOKEN"] = "",
        ["AWS_PROFILE"] = "",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials",
        ["AWS_CONFIG_FILE"] = "/nonexistent/config",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    [Test]
    public async Task Check_config_online_says_so_in_one_line_naming_the_chain_and_exits_1()
    {
        await using var env = await SandboxEnvironment.StartAsync();
        var started = Stopwatch.StartNew();

        var (code, output) = await RunAsync(["check-config", "--online", .. env.DaemonArguments().Skip(1)]);

        var credentialLines = output.Split('\n').Where(l => l.Contains("NoCredentials", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1), output);
            Assert.That(credentialLines, Has.Count.EqualTo(1), output);
            Assert.That(credentialLines[0], Does.StartWith("✗ AWS credentials (SDK default chain): NoCredentials: no AWS credentials found"));
            Assert.That(credentialLines[0], Does.Contain("environment variables").And.Contain("profile").And.Contain("SSO")
                .And.Contain("container").And.Contain("EC2 instance role"));
            Assert.That(output, Does.Not.Contain("Unhandled exception").And.Not.Contain("   at "), "no stack trace");
            Assert.That(output, Does.Not.Contain("SQS queue").And.Not.Contain("SSM document"), "the AWS checks that would fail the same way are skipped");
            Assert.That(env.Aws.Calls, Is.Empty, "nothing unsigned was sent");
            Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
        });
    }

    [Test]
    public async Task Run_stops_with_exit_2_and_the_hint_without_a_stack_trace()
    {
        await using var env = await SandboxEnvironment.StartAsync();

        var (code, output) = await RunAsync([.. env.DaemonArguments()]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), output);
            Assert.That(output, Does.Contain("QueueWorker failed: NoCredentials: no AWS credentials found; the SDK looked in environment variables"));
            Assert.That(output, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(output, Does.Not.Contain("receiving again"), "a permanent failure is not retried");
        });
    }

    private static async Task<(int Code, string Output)> RunAsync(IReadOnlyList<string> arguments)
    {
        var (code, stdout, stderr) = await ExecutableRun.RunAsync(
            RepoPaths.DaemonExecutable, arguments, NoCredentials.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value)), Wait);
        return (code, stdout + stderr);
    }
}
