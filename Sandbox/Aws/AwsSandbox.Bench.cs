namespace SocketDeployer.Sandbox.Aws;

public sealed partial class AwsSandbox
{
    /// <summary>
    /// Creates an InProgress execution of a registered document with these tags, as if started earlier (no automation
    /// runs it, no event is emitted): the benchmark feeds its events itself.
    /// </summary>
    public SandboxExecution CreateExecution(string documentName, string? version, IReadOnlyDictionary<string, string> tags) =>
        _ssm.Create(documentName, version, tags, _options.TimeProvider.GetUtcNow());
}
