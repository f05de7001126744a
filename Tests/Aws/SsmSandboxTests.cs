using SocketDeployer.Core.Aws;
using SocketDeployer.Sandbox.Aws;

namespace SocketDeployer.Tests.Aws;

/// <summary>The SSM client against the sandbox, operation by operation.</summary>
public class SsmSandboxTests : AwsSandboxFixture
{
    protected override AwsSandboxOptions Options => new() { MaxPageSize = 2 };

    [Test]
    public async Task StartAutomationExecution_records_document_parameters_tags_and_token()
    {
        var document = NewDocument();
        var request = Request(document, Guid.NewGuid().ToString());

        var id = await NewSsm().StartAutomationExecutionAsync(request, CancellationToken.None);

        var execution = Sandbox.Execution(id);
        Assert.Multiple(() =>
        {
            Assert.That(execution.Document.Name, Is.EqualTo(document));
            Assert.That(execution.Document.Version, Is.EqualTo("7"));
            Assert.That(execution.Parameters["ReleaseTag"], Is.EqualTo(new[] { "r-99.1.0" }));
            Assert.That(execution.Tags, Is.EquivalentTo(request.Tags));
            Assert.That(execution.ClientToken, Is.EqualTo(request.ClientToken));
            Assert.That(execution.Status, Is.EqualTo("InProgress"));
        });
    }

    [Test]
    public async Task The_same_ClientToken_and_request_return_the_same_execution()
    {
        var request = Request(NewDocument(), Guid.NewGuid().ToString());
        var ssm = NewSsm();

        var first = await ssm.StartAutomationExecutionAsync(request, CancellationToken.None);
        var second = await ssm.StartAutomationExecutionAsync(request, CancellationToken.None);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task The_same_ClientToken_with_other_parameters_is_IdempotentParameterMismatch()
    {
        var request = Request(NewDocument(), Guid.NewGuid().ToString());
        var ssm = NewSsm();
        await ssm.StartAutomationExecutionAsync(request, CancellationToken.None);
        var changed = request with { Parameters = new Dictionary<string, IReadOnlyList<string>> { ["ReleaseTag"] = ["r-99.2.0"] } };

        var error = Assert.ThrowsAsync<AwsException>(() => ssm.StartAutomationExecutionAsync(changed, CancellationToken.None));

        Assert.That(error.Code, Is.EqualTo("IdempotentParameterMismatch"));
    }

    [Test]
    public void Start_refuses_unknown_documents_versions_parameters_and_too_many_tags()
    {
        var document = NewDocument(parameters: new Dictionary<string, string?> { ["ReleaseTag"] = null, ["RequestedBy"] = "nobody" });
        var ssm = NewSsm();
        var valid = Request(document, null);

        Assert.Multiple(() =>
        {
            Assert.That(Code(() => ssm.StartAutomationExecutionAsync(valid with { DocumentName = "Nope" }, CancellationToken.None)),
                Is.EqualTo("AutomationDefinitionNotFoundException"));
            Assert.That(Code(() => ssm.StartAutomationExecutionAsync(valid with { DocumentVersion = "99" }, CancellationToken.None)),
                Is.EqualTo("AutomationDefinitionVersionNotFoundException"));
            Assert.That(Code(() => ssm.StartAutomationExecutionAsync(
                valid with { Parameters = new Dictionary<string, IReadOnlyList<string>> { ["Bogus"] = ["x"], ["ReleaseTag"] = ["r"] } }, CancellationToken.None)),
                Is.EqualTo("InvalidAutomationExecutionParametersException"));
            Assert.That(Code(() => ssm.StartAutomationExecutionAsync(
                valid with { Parameters = new Dictionary<string, IReadOnlyList<string>>() }, CancellationToken.None)),
                Is.EqualTo("InvalidAutomationExecutionParametersException"));
            Assert.That(Code(() => ssm.StartAutomationExecutionAsync(
                valid with { Tags = Enumerable.Range(0, 6).ToDictionary(i => $"k{i}", i => "v") }, CancellationToken.None)),
                Is.EqualTo("ValidationException"));
            Assert.That(Code(() => ssm.StartAutomationExecutionAsync(valid with { ClientToken = "event-123" }, CancellationToken.None)), Is.EqualTo("ValidationException"));
        });
    }

    [Test]
    public async Task DescribeAutomationExecutions_pages_filters_by_status_and_keeps_the_exact_document_name()
    {
        var document = NewDocument();
        Sandbox.RegisterDocument(document + "-Canary", "1", []);
        var ssm = NewSsm();
        var running = new List<string>();
        for (var i = 0; i < 3; i++)
            running.Add(await ssm.StartAutomationExecutionAsync(Request(document, null), CancellationToken.None));
        var finished = await ssm.StartAutomationExecutionAsync(Request(document, null), CancellationToken.None);
        Sandbox.SetStatus(finished, "Success");
        Sandbox.SetStatus(running[2], "Waiting");
        await ssm.StartAutomationExecutionAsync(Request(document + "-Canary", null, "1"), CancellationToken.None);
        var before = CallsOf("DescribeAutomationExecutions").Count;

        var found = await ssm.DescribeAutomationExecutionsAsync(document, ["Pending", "InProgress", "Waiting"], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(found.Select(f => f.ExecutionId), Is.EquivalentTo(running));
            Assert.That(found.Single(f => f.ExecutionId == running[2]).Status, Is.EqualTo("Waiting"));
            Assert.That(found.All(f => f.StartTime is not null), Is.True);
            Assert.That(CallsOf("DescribeAutomationExecutions").Count - before, Is.GreaterThan(1), "pages of 2 for 4 matching prefixes");
        });
    }

    [Test]
    public async Task GetAutomationExecution_reads_status_steps_inputs_and_times()
    {
        var document = NewDocument();
        var id = await NewSsm().StartAutomationExecutionAsync(Request(document, null), CancellationToken.None);
        Sandbox.SetStatus(id, "Failed");

        var execution = await NewSsm().GetAutomationExecutionAsync(id, CancellationToken.None);

        var sandboxed = Sandbox.Execution(id);
        Assert.Multiple(() =>
        {
            Assert.That(execution.ExecutionId, Is.EqualTo(id));
            Assert.That(execution.DocumentName, Is.EqualTo(document));
            Assert.That(execution.DocumentVersion, Is.EqualTo("7"));
            Assert.That(execution.Status, Is.EqualTo("Failed"));
            Assert.That(execution.StartTime, Is.EqualTo(sandboxed.StartTime).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(execution.EndTime, Is.Not.Null);
            Assert.That(execution.Steps.Select(s => (s.StepName, s.Action, s.Status)),
                Is.EqualTo(new[] { ("build", "aws:sleep", "Pending"), ("approve", "aws:approve", "Pending") }));
            Assert.That(execution.Steps[1].Inputs["Message"], Is.EqualTo("Deploy?"));
        });
    }

    [Test]
    public void GetAutomationExecution_of_an_unknown_id_is_AutomationExecutionNotFoundException() =>
        Assert.That(Code(() => NewSsm().GetAutomationExecutionAsync(Guid.NewGuid().ToString(), CancellationToken.None)),
            Is.EqualTo("AutomationExecutionNotFoundException"));

    [Test]
    public async Task Tags_are_listed_and_added()
    {
        var ssm = NewSsm();
        var id = await ssm.StartAutomationExecutionAsync(Request(NewDocument(), null), CancellationToken.None);

        await ssm.AddTagsAsync(id, new Dictionary<string, string> { ["socketdeployer:status-ts"] = "1700000000.123456" }, CancellationToken.None);
        var tags = await ssm.ListTagsAsync(id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(tags["socketdeployer:thread"], Is.EqualTo("C0123/1700000000.000100"));
            Assert.That(tags["socketdeployer:status-ts"], Is.EqualTo("1700000000.123456"));
            Assert.That(Code(() => ssm.ListTagsAsync("not-an-execution", CancellationToken.None)), Is.EqualTo("InvalidResourceId"));
        });
    }

    [Test]
    public async Task SendAutomationSignal_needs_a_waiting_execution_and_records_the_comment()
    {
        var ssm = NewSsm();
        var id = await ssm.StartAutomationExecutionAsync(Request(NewDocument(), null), CancellationToken.None);

        var early = Code(() => ssm.SendAutomationSignalAsync(id, "Approve", "approved by <@U0BOB>", CancellationToken.None));
        Sandbox.SetStatus(id, "Waiting");
        await ssm.SendAutomationSignalAsync(id, "Approve", "approved by <@U0BOB>", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(early, Is.EqualTo("InvalidAutomationSignalException"));
            Assert.That(Sandbox.Execution(id).Signals.Single().SignalType, Is.EqualTo("Approve"));
            Assert.That(Sandbox.Execution(id).Signals.Single().Comment, Is.EqualTo(new[] { "approved by <@U0BOB>" }));
        });
    }

    [Test]
    public async Task StopAutomationExecution_cancels_once()
    {
        var ssm = NewSsm();
        var id = await ssm.StartAutomationExecutionAsync(Request(NewDocument(), null), CancellationToken.None);

        await ssm.StopAutomationExecutionAsync(id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(Sandbox.Execution(id).Status, Is.EqualTo("Cancelled"));
            Assert.That(Code(() => ssm.StopAutomationExecutionAsync(id, CancellationToken.None)), Is.EqualTo("InvalidAutomationStatusUpdateException"));
        });
    }

    [Test]
    public async Task DescribeDocument_answers_the_version_or_the_AWS_error()
    {
        var document = NewDocument();
        var ssm = NewSsm();

        var status = await ssm.DescribeDocumentAsync(document, "7", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo("Active"));
            Assert.That(Code(() => ssm.DescribeDocumentAsync(document, "8", CancellationToken.None)), Is.EqualTo("InvalidDocumentVersion"));
            Assert.That(Code(() => ssm.DescribeDocumentAsync("Missing-Doc", "1", CancellationToken.None)), Is.EqualTo("InvalidDocument"));
        });
    }

    internal static string Code(Func<Task> call) => Assert.ThrowsAsync<AwsException>(call)!.Code;

    private string NewDocument(IReadOnlyDictionary<string, string?>? parameters = null)
    {
        var name = "Deploy-" + Guid.NewGuid().ToString("N")[..8];
        Sandbox.RegisterDocument(name, "7",
        [
            new SandboxStep("build"),
            new SandboxStep("approve", "aws:approve") { Inputs = new Dictionary<string, string> { ["Message"] = "Deploy?" } },
        ], parameters);
        return name;
    }

    internal static StartAutomationRequest Request(string document, string? clientToken, string version = "7") => new(
        document,
        version,
        new Dictionary<string, IReadOnlyList<string>> { ["ReleaseTag"] = ["r-99.1.0"], ["RequestedBy"] = ["U0ALICE"] },
        clientToken ?? Guid.NewGuid().ToString(),
        new Dictionary<string, string>
        {
            ["socketdeployer:thread"] = "C0123/1700000000.000100",
            ["socketdeployer:requester"] = "U0ALICE",
            ["socketdeployer:service"] = "app",
            ["socketdeployer:version"] = "r-99.1.0",
        });
}
