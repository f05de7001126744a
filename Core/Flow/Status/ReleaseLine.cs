using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Core.Flow.Status;

/// <summary>One execution as a status reply shows it.</summary>
/// <param name="Service">The catalog alias whose document the execution runs.</param>
/// <param name="Release">Who asked for it and which version, from its tags; null when it was not started from Slack.</param>
/// <param name="Console">The execution in the AWS console.</param>
public sealed record ReleaseLine(string Service, AutomationExecutionSummary Execution, ReleaseInfo? Release, Uri Console);

/// <summary>A service's running executions and its latest finished one (null when it never finished one).</summary>
public sealed record ServiceStatus(string Service, IReadOnlyList<ReleaseLine> Running, ReleaseLine? Last);
