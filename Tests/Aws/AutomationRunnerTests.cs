using System.Text.Json;
using SocketDeployer.Core.Aws;
using SocketDeployer.Sandbox.Aws;

namespace SocketDeployer.Tests.Aws;

/// <summary>The sandbox's automation runner: steps, approvals, stops, and the EventBridge events it queues.</summary>
public class AutomationRunnerTests : AwsSandboxFixture
{
    private string _queue = "";

    [OneTimeSetUp]
    public void EnableRunner()
    {
        _queue = Sandbox.CreateQueue("automation-events");
        Sandbox.RunAutomations(_queue);
    }

    [Test]
    public async Task An_approved_release_runs_every_step_and_reports_each_change()
    {
        var document = Register(
            new SandboxStep("build") { LogMessage = "built r-99.1.0" },
            new SandboxStep("approve", "aws:approve"),
            new SandboxStep("deploy", "aws:executeAwsApi"));
        var ssm = NewSsm();
        var id = await ssm.StartAutomationExecutionAsync(SsmSandboxTests.Request(document, null, "1"), CancellationToken.None);

        await Eventually(() => Sandbox.Execution(id).Status == "Waiting", "the approval step waits");
        var waiting = await ssm.GetAutomationExecutionAsync(id, CancellationToken.None);
        await ssm.SendAutomationSignalAsync(id, "Approve", "approved by <@U0BOB>", CancellationToken.None);
        await Eventually(() => Sandbox.Execution(id).Status == "Success", "the execution succeeds");
        var done = await ssm.GetAutomationExecutionAsync(id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((waiting.CurrentStepName, waiting.CurrentAction), Is.EqualTo(("approve", "aws:approve")));
            Assert.That(done.Steps.Select(s => s.Status), Is.All.EqualTo("Success"));
            Assert.That(done.EndTime, Is.Not.Null);
            Assert.That(Events(id), Is.EqualTo(new[]
            {
                "execution InProgress",
                "build InProgress", "log built r-99.1.0", "build Success",
                "approve InProgress", "execution Waiting", "execution InProgress", "approve Success",
                "deploy InProgress", "deploy Success",
                "execution Success",
            }));
        });
    }

    [Test]
    public async Task A_rejected_approval_fails_the_execution()
    {
        var document = Register(new SandboxStep("approve", "aws:approve"), new SandboxStep("deploy"));
        var ssm = NewSsm();
        var id = await ssm.StartAutomationExecutionAsync(SsmSandboxTests.Request(document, null, "1"), CancellationToken.None);
        await Eventually(() => Sandbox.Execution(id).Status == "Waiting", "the approval step waits");

        await ssm.SendAutomationSignalAsync(id, "Reject", "rejected by <@U0BOB>", CancellationToken.None);
        await Eventually(() => Sandbox.Execution(id).IsTerminal, "the execution ends");

        var execution = await ssm.GetAutomationExecutionAsync(id, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(execution.Status, Is.EqualTo("Failed"));
            Assert.That(execution.Steps.Select(s => s.Status), Is.EqualTo(new[] { "Failed", "Pending" }));
            Assert.That(execution.FailureMessage, Does.Contain("rejected by <@U0BOB>"));
        });
    }

    [Test]
    public async Task An_unanswered_approval_times_out()
    {
        var document = Register(new SandboxStep("approve", "aws:approve") { ApprovalTimeout = TimeSpan.FromMilliseconds(50) });

        var id = await NewSsm().StartAutomationExecutionAsync(SsmSandboxTests.Request(document, null, "1"), CancellationToken.None);

        await Eventually(() => Sandbox.Execution(id).IsTerminal, "the execution ends");
        Assert.That(Sandbox.Execution(id).Status, Is.EqualTo("TimedOut"));
    }

    [Test]
    public async Task A_failing_step_fails_the_execution_and_skips_the_rest()
    {
        var document = Register(new SandboxStep("build") { Outcome = "Failed" }, new SandboxStep("deploy"));

        var id = await NewSsm().StartAutomationExecutionAsync(SsmSandboxTests.Request(document, null, "1"), CancellationToken.None);

        await Eventually(() => Sandbox.Execution(id).IsTerminal, "the execution ends");
        Assert.Multiple(() =>
        {
            Assert.That(Sandbox.Execution(id).Status, Is.EqualTo("Failed"));
            Assert.That(Sandbox.Execution(id).Steps.Select(s => s.Status), Is.EqualTo(new[] { "Failed", "Pending" }));
        });
    }

    [Test]
    public async Task StopAutomationExecution_cancels_a_running_step()
    {
        var document = Register(new SandboxStep("build") { Duration = TimeSpan.FromHours(1) }, new SandboxStep("deploy"));
        var ssm = NewSsm();
        var id = await ssm.StartAutomationExecutionAsync(SsmSandboxTests.Request(document, null, "1"), CancellationToken.None);
        await Eventually(() => Sandbox.Execution(id).CurrentStep is not null, "the first step runs");

        await ssm.StopAutomationExecutionAsync(id, CancellationToken.None);
        await Eventually(() => Sandbox.Execution(id).IsTerminal, "the execution ends");

        Assert.Multiple(() =>
        {
            Assert.That(Sandbox.Execution(id).Status, Is.EqualTo("Cancelled"));
            Assert.That(Sandbox.Execution(id).Steps.Select(s => s.Status), Is.EqualTo(new[] { "Cancelled", "Pending" }));
            Assert.That(Events(id)[^1], Is.EqualTo("execution Cancelled"));
        });
    }

    [Test]
    public async Task Queued_events_have_the_documented_EventBridge_shape()
    {
        var document = Register(new SandboxStep("build", "aws:runCommand"));
        var id = await NewSsm().StartAutomationExecutionAsync(SsmSandboxTests.Request(document, null, "1"), CancellationToken.None);
        await Eventually(() => Sandbox.Execution(id).IsTerminal, "the execution ends");
        var bodies = Bodies(id);
        var step = bodies.Last(b => b.GetProperty("detail").TryGetProperty("StepName", out _));
        var execution = bodies[^1];

        Assert.Multiple(() =>
        {
            Assert.That(Keys(step), Is.EquivalentTo(Keys(Sample("eventbridge-ssm-automation-step-status-change.json"))));
            Assert.That(Keys(execution), Is.EquivalentTo(Keys(Sample("eventbridge-ssm-automation-execution-status-change.json"))));
            Assert.That(execution.GetProperty("detail").GetProperty("DefinitionVersion").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(execution.GetProperty("detail").GetProperty("StartTime").GetString(), Does.Match(@"^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2} [AP]M$"));
        });
    }

    private string Register(params SandboxStep[] steps)
    {
        var name = "Run-" + Guid.NewGuid().ToString("N")[..8];
        Sandbox.RegisterDocument(name, "1", steps);
        return name;
    }

    private List<JsonElement> Bodies(string executionId) =>
        [.. Sandbox.Messages(_queue).Select(m => JsonDocument.Parse(m.Body).RootElement)
            .Where(b => (b.TryGetProperty("detail", out var d) ? d.GetProperty("ExecutionId").GetString() : b.GetProperty("executionId").GetString()) == executionId)];

    private List<string> Events(string executionId) =>
        [.. Bodies(executionId).Select(b => b.TryGetProperty("detail", out var d)
            ? $"{(d.TryGetProperty("StepName", out var s) ? s.GetString() : "execution")} {d.GetProperty("Status").GetString()}"
            : $"log {b.GetProperty("text").GetString()}")];

    private static JsonElement Sample(string file) => JsonDocument.Parse(AwsSamples.Read("aws", file)).RootElement;

    // Top-level and detail member names; EndTime appears only once a step or execution has ended, as here.
    private static IEnumerable<string> Keys(JsonElement e) =>
        e.EnumerateObject().Select(p => p.Name).Concat(e.GetProperty("detail").EnumerateObject().Select(p => "detail." + p.Name));
}
