namespace SocketDeployer.Sandbox.Faults;

/// <summary>What a <see cref="FaultRun"/> found.</summary>
/// <param name="Scenario">The fault.</param>
/// <param name="Requested">Releases asked for (the run stops at the first that does not finish).</param>
/// <param name="Releases">The releases run.</param>
/// <param name="Invariants">What held and what did not.</param>
public sealed record FaultRunResult(FaultScenario Scenario, int Requested, IReadOnlyList<ReleaseRecord> Releases, IReadOnlyList<InvariantResult> Invariants)
{
    /// <summary>Whether every invariant held.</summary>
    public bool Passed => Invariants.All(i => i.Held);

    /// <summary>The slowest recovery of the run, or null when none was measured.</summary>
    public TimeSpan? WorstRecovery => Releases.Where(r => r.Recovery is not null).Select(r => r.Recovery!.Value).DefaultIfEmpty().Max() is var max && max > TimeSpan.Zero ? max : null;

    /// <summary>Every broken invariant with its detail, one per line.</summary>
    public string Describe() => string.Join('\n',
        Invariants.Where(i => !i.Held).Select(i => $"{i.Name}: {i.Detail}")
            .Concat(Releases.Where(r => r.Failure is not null).Select(r => $"release {r.Version}: {r.Failure}")));
}
