using SocketDeployer.Core.Aws;

namespace SocketDeployer.Tests.Simulation;

/// <summary>One instance's SSM client: every call is a step the scheduler orders.</summary>
internal sealed class SimSsm(SimScheduler scheduler, SimCloud cloud, SimInstance owner) : ISsm
{
    public Task<string> StartAutomationExecutionAsync(StartAutomationRequest request, CancellationToken cancellationToken) =>
        scheduler.Call(owner, $"ssm.Start({request.Tags["socketdeployer:event"]})", () => cloud.Start(request));

    public Task<IReadOnlyList<AutomationExecutionSummary>> DescribeAutomationExecutionsAsync(string documentName, IReadOnlyCollection<string> statuses, CancellationToken cancellationToken) =>
        scheduler.Call<IReadOnlyList<AutomationExecutionSummary>>(owner, "ssm.Describe(running)", () => cloud.Running(documentName));

    // The deploy reads the live version from the history; the simulated cloud knows the running executions only.
    public Task<AutomationExecutionPage> DescribeAutomationExecutionsPageAsync(string documentName, IReadOnlyCollection<string> statuses, string? nextToken, CancellationToken cancellationToken) =>
        scheduler.Call(owner, "ssm.Describe(page)", () => new AutomationExecutionPage(
            [.. cloud.Running(documentName).Where(e => statuses.Count == 0 || statuses.Contains(e.Status, StringComparer.Ordinal))], null));

    public Task<AutomationExecution> GetAutomationExecutionAsync(string executionId, CancellationToken cancellationToken) =>
        scheduler.Call(owner, $"ssm.Get({executionId})", () =>
        {
            var e = cloud.Execution(executionId);
            return new AutomationExecution(e.Id, e.Document, "1", e.Status, e.Started, null, null, null, null, []);
        });

    public Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string executionId, CancellationToken cancellationToken) =>
        scheduler.Call<IReadOnlyDictionary<string, string>>(owner, $"ssm.ListTags({executionId})",
            () => new Dictionary<string, string>(cloud.Execution(executionId).Tags, StringComparer.Ordinal));

    public Task AddTagsAsync(string executionId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        scheduler.Call(owner, $"ssm.AddTags({executionId}, {string.Join(",", tags.Keys)})", () =>
        {
            foreach (var (key, value) in tags)
            {
                cloud.Execution(executionId).Tags[key] = value;
            }

            return true;
        });

    // The deploy, takeover and release paths never signal, stop or read documents: a call here is a finding.
    public Task SendAutomationSignalAsync(string executionId, string signalType, string comment, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the release protocol sent an automation signal");

    public Task StopAutomationExecutionAsync(string executionId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the release protocol stopped an execution");

    public Task<string> DescribeDocumentAsync(string name, string version, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the release protocol described a document");
}
