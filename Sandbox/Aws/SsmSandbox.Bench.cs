namespace SocketDeployer.Sandbox.Aws;

/// <summary>Executions created directly, without StartAutomationExecution: the benchmark tracks thousands at once.</summary>
internal sealed partial class SsmSandbox
{
    public SandboxExecution Create(string documentName, string? version, IReadOnlyDictionary<string, string> tags, DateTimeOffset start)
    {
        lock (_gate)
        {
            var execution = new SandboxExecution(Guid.NewGuid().ToString(), FindDocument(documentName, version), new Dictionary<string, IReadOnlyList<string>>(), null, start);
            foreach (var (key, value) in tags)
                execution.TagStore[key] = value;
            _executions[execution.Id] = execution;
            return execution;
        }
    }
}
