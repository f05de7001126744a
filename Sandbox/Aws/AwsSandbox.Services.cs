namespace SocketDeployer.Sandbox.Aws;

public sealed partial class AwsSandbox
{
    /// <summary>Registers a document version; the first registered version of a name is its $DEFAULT, the last its $LATEST.</summary>
    public SandboxDocument RegisterDocument(string name, string version, IReadOnlyList<SandboxStep> steps, IReadOnlyDictionary<string, string?>? parameters = null)
    {
        var document = new SandboxDocument(name, version, steps, parameters);
        _ssm.RegisterDocument(document);
        return document;
    }

    /// <summary>All executions, oldest first.</summary>
    public IReadOnlyList<SandboxExecution> Executions => _ssm.Executions;

    /// <summary>One execution; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public SandboxExecution Execution(string executionId) => _ssm.Execution(executionId);

    /// <summary>Sets an execution's AutomationExecutionStatus (Pending, InProgress, Waiting, Success, Failed, …).</summary>
    public void SetStatus(string executionId, string status) => _ssm.SetStatus(executionId, status);

    /// <summary>Creates a queue (or returns the existing one) and returns its URL, <c>http://127.0.0.1:port/&lt;account&gt;/&lt;name&gt;</c>.</summary>
    public string CreateQueue(string name, int visibilityTimeoutSeconds = 30, string? deadLetterQueueUrl = null, int maxReceiveCount = 0) =>
        _sqs.CreateQueue(name, visibilityTimeoutSeconds, deadLetterQueueUrl, maxReceiveCount).Url;

    /// <summary>Puts a message on a queue as a producer would (EventBridge, an automation step); returns its MessageId.</summary>
    public string SendMessage(string queueUrl, string body) => _sqs.Send(queueUrl, body);

    /// <summary>The messages a queue holds (visible or in flight), oldest first.</summary>
    public IReadOnlyList<SandboxMessage> Messages(string queueUrl) => _sqs.Messages(queueUrl);

    /// <summary>
    /// From now on, executions run their document's steps (see <see cref="SandboxStep"/>) on the sandbox clock, and every
    /// step and execution status change is put on <paramref name="eventQueueUrl"/> as an EventBridge event, with the steps'
    /// log messages. Without this, executions stay where tests put them with <see cref="SetStatus"/>.
    /// </summary>
    public void RunAutomations(string? eventQueueUrl)
    {
        if (eventQueueUrl is not null)
            _sqs.Queue(eventQueueUrl);
        var runner = new AutomationRunner(_ssm, _sqs, _options, eventQueueUrl, _stopping.Token);
        _runner = runner;
        _ssm.Started = runner.Start;
        _ssm.Changed = runner.Wake;
    }
}
