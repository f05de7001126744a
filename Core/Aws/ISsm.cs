namespace SocketDeployer.Core.Aws;

/// <summary>The AWS Systems Manager calls SocketDeployer makes.</summary>
public interface ISsm
{
    /// <summary>StartAutomationExecution; returns the AutomationExecutionId.</summary>
    Task<string> StartAutomationExecutionAsync(StartAutomationRequest request, CancellationToken cancellationToken);

    /// <summary>DescribeAutomationExecutions filtered by exact document name and statuses (all pages).</summary>
    Task<IReadOnlyList<AutomationExecutionSummary>> DescribeAutomationExecutionsAsync(
        string documentName, IReadOnlyCollection<string> statuses, CancellationToken cancellationToken);

    /// <summary>One page of DescribeAutomationExecutions filtered by exact document name and statuses (none: any),
    /// from <paramref name="nextToken"/> (null: the first page); callers that need only the latest rows stop early.</summary>
    Task<AutomationExecutionPage> DescribeAutomationExecutionsPageAsync(
        string documentName, IReadOnlyCollection<string> statuses, string? nextToken, CancellationToken cancellationToken);

    /// <summary>GetAutomationExecution.</summary>
    Task<AutomationExecution> GetAutomationExecutionAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>ListTagsForResource with ResourceType Automation.</summary>
    Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>AddTagsToResource with ResourceType Automation.</summary>
    Task AddTagsAsync(string executionId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    /// <summary>SendAutomationSignal (Approve / Reject) with a Comment.</summary>
    Task SendAutomationSignalAsync(string executionId, string signalType, string comment, CancellationToken cancellationToken);

    /// <summary>StopAutomationExecution with Type Cancel.</summary>
    Task StopAutomationExecutionAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>DescribeDocument of one version; throws <see cref="AwsException"/> (InvalidDocument / InvalidDocumentVersion) when absent.</summary>
    Task<string> DescribeDocumentAsync(string name, string version, CancellationToken cancellationToken);
}

/// <summary>StartAutomationExecution's input.</summary>
public sealed record StartAutomationRequest(
    string DocumentName,
    string DocumentVersion,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters,
    string ClientToken,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>One row of DescribeAutomationExecutions.</summary>
public sealed record AutomationExecutionSummary(
    string ExecutionId, string DocumentName, string Status, DateTimeOffset? StartTime, string? ExecutedBy)
{
    /// <summary>When it ended; null while it runs.</summary>
    public DateTimeOffset? EndTime { get; init; }
}

/// <summary>One page of DescribeAutomationExecutions; <see cref="NextToken"/> is null on the last page.</summary>
public sealed record AutomationExecutionPage(IReadOnlyList<AutomationExecutionSummary> Executions, string? NextToken);

/// <summary>GetAutomationExecution's answer, reduced to what the flow reads.</summary>
public sealed record AutomationExecution(
    string ExecutionId,
    string DocumentName,
    string? DocumentVersion,
    string Status,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    string? FailureMessage,
    string? CurrentStepName,
    string? CurrentAction,
    IReadOnlyList<StepExecution> Steps)
{
    /// <summary>The parameters it was started with: an execution started outside Slack is announced from them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>The IAM principal that started it (an ARN).</summary>
    public string? ExecutedBy { get; init; }

    /// <summary>The first value of a parameter, or null when absent or empty.</summary>
    public string? Parameter(string name) =>
        Parameters.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;
}

/// <summary>One step of an execution.</summary>
public sealed record StepExecution(
    string StepName,
    string Action,
    string Status,
    string? StepExecutionId,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    string? FailureMessage,
    IReadOnlyDictionary<string, string> Inputs);

/// <summary>An AWS error answer (the SDK's ErrorCode, message, HTTP status), or <see cref="AwsSdkCall.NoCredentialsCode"/> with status 0.</summary>
public sealed class AwsException : Exception
{
    public AwsException(string code, string message, int statusCode, string? requestId = null, Exception? innerException = null)
        : base($"{code}: {message}", innerException)
    {
        Code = code;
        AwsMessage = message;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    public AwsException() => Code = AwsMessage = "";

    public AwsException(string message) : base(message) => Code = AwsMessage = "";

    public AwsException(string message, Exception innerException) : base(message, innerException) => Code = AwsMessage = "";

    /// <summary>The error code, e.g. <c>ThrottlingException</c> or <c>AWS.SimpleQueueService.NonExistentQueue</c>.</summary>
    public string Code { get; }

    /// <summary>AWS's message text.</summary>
    public string AwsMessage { get; }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>x-amzn-RequestId, when sent.</summary>
    public string? RequestId { get; }
}
