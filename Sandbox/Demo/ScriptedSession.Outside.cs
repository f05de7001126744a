using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Sandbox.Environment;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Sandbox.Demo;

internal sealed partial class ScriptedSession
{
    /// <summary>What <c>infra/socketdeployer-gate.sh</c> does on a host with only the AWS CLI: StartAutomationExecution
    /// of the gate document straight through the SSM API, then polling it; nothing of SocketDeployer runs there.</summary>
    private async Task<string> CliGateAsync()
    {
        const string summary = "Rundeck job deploy-app #77: r-99.5.0";
        using var ssm = new AmazonSimpleSystemsManagementClient(
            new BasicAWSCredentials(env.Aws.AccessKeyId, env.Aws.SecretAccessKey),
            AwsSdkClients.Configure(new AmazonSimpleSystemsManagementConfig(), env.Aws.ServiceUrl, env.Aws.Region, TimeSpan.FromSeconds(10)));
        output.WriteLine($"   pipeline> aws ssm start-automation-execution --document-name {SandboxDocuments.GateDocument} --document-version {SandboxDocuments.GateVersion} \\");
        output.WriteLine($"   pipeline>     --parameters 'Service=app,Summary={summary},RequestedBy=alice@example.com'");
        var started = await ssm.StartAutomationExecutionAsync(new StartAutomationExecutionRequest
        {
            DocumentName = SandboxDocuments.GateDocument,
            DocumentVersion = SandboxDocuments.GateVersion,
            Parameters = new() { ["Service"] = ["app"], ["Summary"] = [summary], ["RequestedBy"] = ["alice@example.com"] },
        });
        var id = started.AutomationExecutionId;
        output.WriteLine($"   pipeline> waiting for a decision in Slack on gate {id}");

        var announcement = await Slack.WaitForMessageAsync(
            m => m.IsBot && m.Channel == DeployChannel && m.Text.Contains(summary, StringComparison.Ordinal), Wait);
        var prompt = await PromptIn(announcement.Ts);
        await Click(Alice, prompt);
        await Slack.WaitForMessageAsync(m => m.EphemeralFor == Alice && m.ThreadTs == announcement.Ts, Wait);
        await Click(Bob, prompt);

        string status;
        do
        {
            // The script's poll: get-automation-execution until the gate ends.
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            status = (await ssm.GetAutomationExecutionAsync(new GetAutomationExecutionRequest { AutomationExecutionId = id })).AutomationExecution.AutomationExecutionStatus.Value;
        }
        while (status is "Pending" or "InProgress" or "Waiting");

        var tags = await ssm.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceType = ResourceTypeForTagging.Automation, ResourceId = id });
        var decidedBy = tags.TagList.FirstOrDefault(t => t.Key == ExecutionTags.DecidedBy)?.Value ?? "(not recorded)";
        output.WriteLine($"   pipeline> gate {status}: decided in Slack by {decidedBy}");
        output.WriteLine(status == "Success" ? "   pipeline> (exit 0: the deploy steps run)" : $"   pipeline> (not approved: {status})");
        return await Finished(announcement.Ts);
    }
}
