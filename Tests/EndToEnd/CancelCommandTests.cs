using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SocketDeployer.Core.Aws;
using SocketDeployer.Sandbox.Aws;
using SocketDeployer.Tests.Aws;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

public class CancelCommandTests : SandboxTest
{
    [Test]
    public async Task TheRequesterCancelsFromTheReleaseThread()
    {
        var (thread, execution) = await DeployAppAsync();
        await Say(Alice, $"cancel {execution.Id}", threadTs: thread);

        var said = await BotReplyIn(thread, m => m.Text.Contains(":octagonal_sign:", StringComparison.Ordinal));
        var stop = Env.Aws.Calls.Single(c => c.Operation == "StopAutomationExecution");
        Assert.Multiple(() =>
        {
            Assert.That(said.Text, Is.EqualTo($":octagonal_sign: <@{Alice}> cancelled *app* `r-99.1.0`"));
            Assert.That(stop.Json().GetProperty("AutomationExecutionId").GetString(), Is.EqualTo(execution.Id));
            Assert.That(stop.Json().GetProperty("Type").GetString(), Is.EqualTo("Cancel"));
            Assert.That(Env.Aws.Execution(execution.Id).Status, Is.AnyOf("Cancelling", "Cancelled"));
        });

        var audit = (await AuditLinesAsync()).Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.GetProperty("event").GetString() == "cancel");
        Assert.Multiple(() =>
        {
            Assert.That(audit.GetProperty("outcome").GetString(), Is.EqualTo("cancelled"));
            Assert.That(audit.GetProperty("user").GetString(), Is.EqualTo(Alice));
            Assert.That(audit.GetProperty("executionId").GetString(), Is.EqualTo(execution.Id));
            Assert.That(audit.GetProperty("service").GetString(), Is.EqualTo("app"));
        });
    }

    [TestCase(Bob)]
    [TestCase(Erin)]
    public async Task AnApproverCancelsFromAnotherThreadAndBothThreadsHear(string approver)
    {
        var (thread, execution) = await DeployAppAsync();
        var asked = await Say(approver, $"cancel {execution.Id}");

        var confirmation = await BotReplyIn(asked);
        var said = await BotReplyIn(thread, m => m.Text.Contains(":octagonal_sign:", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(said.Text, Does.Contain($"<@{approver}> cancelled *app*"));
            Assert.That(confirmation.Text, Does.Contain("Cancelled *app* `r-99.1.0`").And.Contain(execution.Id));
            Assert.That(Env.Aws.Calls.Count(c => c.Operation == "StopAutomationExecution"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task SomeoneElseIsRefusedPrivatelyAndNothingStops()
    {
        var (_, execution) = await DeployAppAsync();
        var asked = await Say(Dave, $"cancel {execution.Id}");

        var refusal = await EphemeralTo(Dave, asked);
        Assert.Multiple(() =>
        {
            Assert.That(refusal.Text, Does.Contain("Only the requester or an approver of *app*"));
            Assert.That(BotMessagesIn(asked).Where(m => m.EphemeralFor is null), Is.Empty, "nothing public");
            Assert.That(Env.Aws.Calls.Where(c => c.Operation == "StopAutomationExecution"), Is.Empty);
            Assert.That(Env.Aws.Execution(execution.Id).Status, Is.EqualTo("InProgress"));
        });
        Assert.That(await AuditLinesAsync(), Has.One.Contains("\"outcome\":\"refused\"").And.Contains("may not cancel"));
    }

    [Test]
    public async Task AnExecutionNotStartedFromSlackIsLeftToTheConsole()
    {
        var id = await StartOutsideSlackAsync();
        var reply = await BotReplyIn(await Say(Bob, $"cancel {id}"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain($"`{id}` was not started from Slack").And.Contain("AWS console"));
            Assert.That(Env.Aws.Calls.Where(c => c.Operation == "StopAutomationExecution"), Is.Empty);
            Assert.That(Env.Aws.Execution(id).Status, Is.EqualTo("InProgress"));
        });
    }

    [Test]
    public async Task AFinishedExecutionIsNotStopped()
    {
        var (_, execution) = await DeployAppAsync();
        Env.Aws.SetStatus(execution.Id, "Success");
        var reply = await BotReplyIn(await Say(Alice, $"cancel {execution.Id}"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("already finished (Success)"));
            Assert.That(Env.Aws.Calls.Where(c => c.Operation == "StopAutomationExecution"), Is.Empty);
        });
    }

    [Test]
    public async Task AStopThatAwsRefusesIsReported()
    {
        var (_, execution) = await DeployAppAsync();
        Env.Aws.FailNext("StopAutomationExecution", "InvalidAutomationStatusUpdateException", 400, message: "The specified update status operation is not valid.");
        var reply = await BotReplyIn(await Say(Alice, $"cancel {execution.Id}"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("Could not cancel").And.Contain("InvalidAutomationStatusUpdateException"));
            Assert.That(Env.Aws.Execution(execution.Id).Status, Is.EqualTo("InProgress"));
        });
        Assert.That(await AuditLinesAsync(), Has.One.Contains("\"outcome\":\"failed\""));
    }

    private async Task<(string Thread, SandboxExecution Execution)> DeployAppAsync()
    {
        var thread = await Say(Alice, "run deploy app r-99.1.0");
        await BotReplyIn(thread);
        return (thread, Env.Aws.Executions.Single());
    }

    /// <summary>An execution of a catalog document started by someone in the AWS console: no Slack tags.</summary>
    private async Task<string> StartOutsideSlackAsync()
    {
        using var ssm = SandboxClients.Ssm(Env.Aws);
        var parameters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["ReleaseTag"] = ["r-1.0.0"], ["RequestedBy"] = ["console"] };
        return await ssm.StartAutomationExecutionAsync(
            new StartAutomationRequest("Deploy-App", "7", parameters, Guid.NewGuid().ToString(), new Dictionary<string, string>()), CancellationToken.None);
    }
}
