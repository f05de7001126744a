using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Tests.Ops;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

/// <summary>infra/socketdeployer-gate.sh with the real AWS CLI against the Sandbox (ignored where the CLI is not installed).</summary>
public class GateScriptTests : SandboxTest
{
    protected override bool RunAutomations => true;

    [Test]
    public async Task TheScriptWaitsForSlackAndExitsZeroNamingTheApprover()
    {
        if (!(Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "aws"))))
        {
            Assert.Ignore("the AWS CLI is not installed");
        }

        var environment = new Dictionary<string, string>(Env.AwsEnvironment)
        {
            ["AWS_REGION"] = Env.Aws.Region,
            ["AWS_DEFAULT_REGION"] = Env.Aws.Region,
            ["AWS_ENDPOINT_URL_SSM"] = Env.Aws.ServiceUrl.ToString(),
            ["AWS_CONFIG_FILE"] = "/dev/null",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
        };
        var script = Task.Run(() => ExternalTool.Run("bash", "apt-get install bash", environment,
            RepoFiles.PathOf("infra/socketdeployer-gate.sh"), "app", "--summary", "From a shell \"quoted\"", "--requested-by", Alice, "--timeout", "2m"));
        var announcement = await Slack.WaitForMessageAsync(
            m => m.IsBot && m.Channel == DeployChannel && m.Text.Contains("From a shell", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var prompt = await Slack.WaitForMessageAsync(
            m => m.ThreadTs == announcement.Ts && m.Blocks?.ToJsonString().Contains(ApprovalMessages.ApproveAction, StringComparison.Ordinal) == true, Wait);
        await Slack.ClickButtonAsync(Bob, prompt.Channel, prompt.Ts, ApprovalMessages.ApproveAction, ApprovalMessages.ButtonValue(Env.Aws.Executions.Single().Id, "approve"));
        var (exitCode, output) = await script.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output, Does.Contain("Approved in Slack by bob (U0BOB)."));
            Assert.That(Env.Aws.Executions.Single().Parameters["Summary"], Is.EqualTo(new[] { "From a shell \"quoted\"" }));
        });
    }
}
