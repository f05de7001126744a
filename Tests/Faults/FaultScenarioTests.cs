using SocketDeployer.Sandbox.Faults;

namespace SocketDeployer.Tests.Faults;

/// <summary>One whole release through each fault the Sandbox injects; every invariant must hold afterwards.
/// Each scenario has a Sandbox of its own, so they run side by side; <c>--filter TestCategory!=Faults</c> leaves them out.</summary>
[Category("Faults")]
[Parallelizable(ParallelScope.All)]
public class FaultScenarioTests
{
    // In the catalog's order, the process scenarios last: started early they ran beside the busiest part of the
    // suite, and their kill-and-restart steps then missed their bounds now and then (a faster suite, a flaky one).
    private static IEnumerable<TestCaseData> Scenarios() => FaultScenarios.All.Select(s =>
    {
        var data = new TestCaseData(s.Name).SetArgDisplayNames(s.Name);
        return s.KnownIssue is { } issue ? data.Ignore($"bug: {issue}") : data;
    });

    [TestCaseSource(nameof(Scenarios))]
    public async Task AReleaseThroughTheFaultKeepsEveryInvariant(string name)
    {
        var result = await new FaultRun(FaultScenarios.Named(name), releases: 1).RunAsync();
        TestContext.Out.WriteLine($"{name}: recovery (fault → first envelope acked) {result.WorstRecovery?.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) ?? "—"} ms");
        Assert.Multiple(() =>
        {
            Assert.That(result.Invariants, Has.Count.EqualTo(14), "every invariant was checked");
            foreach (var invariant in result.Invariants)
            {
                Assert.That(invariant.Detail, Is.Empty, invariant.Name);
            }

            Assert.That(result.WorstRecovery, Is.Not.Null, "an envelope was acked after the fault");
        });
    }
}
