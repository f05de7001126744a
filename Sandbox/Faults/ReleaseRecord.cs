namespace SocketDeployer.Sandbox.Faults;

/// <summary>One release driven through a fault.</summary>
/// <param name="ThreadTs">The request's ts: the release's thread.</param>
/// <param name="Version">The version requested.</param>
/// <param name="ExecutionId">The execution started, if any.</param>
/// <param name="Recovery">Fault injected → first envelope delivered after it acked; null if none was in time.</param>
/// <param name="Failure">Why the release did not finish, or null.</param>
public sealed record ReleaseRecord(string ThreadTs, string Version, string? ExecutionId, TimeSpan? Recovery, string? Failure);

/// <summary>One invariant over all releases of a run.</summary>
/// <param name="Name">What must hold, e.g. "one start reply".</param>
/// <param name="Held">Whether it held for every release.</param>
/// <param name="Detail">What broke it, when it did.</param>
public sealed record InvariantResult(string Name, bool Held, string Detail);
