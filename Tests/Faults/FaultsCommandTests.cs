using SocketDeployer.Sandbox.Faults;

namespace SocketDeployer.Tests.Faults;

[Category("Faults")]
public class FaultsCommandTests
{
    [Test]
    public async Task PrintsOneRowPerFaultAndAPassLine()
    {
        using var output = new StringWriter();
        var code = await FaultsCommand.RunAsync(["--releases", "1", "--only", "slack-disconnect-warning"], output);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        TestContext.Out.WriteLine(output.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(lines[0], Does.StartWith("fault").And.Contain("releases").And.Contain("invariants").And.Contain("recovery"));
            Assert.That(lines[2], Does.StartWith("slack-disconnect-warning").And.Contain("1/1").And.Contain("14/14").And.EndWith("ok"));
            Assert.That(lines[^1], Does.StartWith("PASS: 1 faults × 1 releases"));
        });
    }

    [TestCase("--releases", "0")]
    [TestCase("--bogus")]
    public async Task BadArgumentsPrintUsageAndExit1(params string[] args)
    {
        Assert.That(await FaultsCommand.RunAsync(args, TextWriter.Null), Is.EqualTo(1));
    }

    [Test]
    public void EveryScenarioHasAUniqueNameAndEveryKindIsCovered()
    {
        var names = FaultScenarios.All.Select(s => s.Name).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(names, Is.Unique);
            Assert.That(FaultScenarios.All.Select(s => s.Kind).Distinct(), Is.EquivalentTo(Enum.GetValues<FaultKind>()));
            Assert.That(names, Has.Some.Contains("disconnect-warning").And.Some.Contains("disconnect-refresh_requested")
                .And.Some.Contains("disconnect-link_disabled").And.Some.Contains("disconnect-too_many_websockets"));
        });
    }
}
