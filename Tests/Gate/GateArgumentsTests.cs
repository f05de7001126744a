using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Verbs;

namespace SocketDeployer.Tests.Gate;

public class GateArgumentsTests
{
    [Test]
    public void ReadsTheServiceItsOptionsAndConfigurationOverrides()
    {
        var line = DaemonCommandLine.Parse(
            ["gate", "app", "--summary", "Release 1.2", "--link=https://ci/42", "--requested-by", "U0ALICE", "--timeout", "1h30m", "--Aws:Region=eu-west-1", "--config", "x.json"]);
        Assert.Multiple(() =>
        {
            Assert.That(line.Error, Is.Null);
            Assert.That(line.Verb, Is.EqualTo(Verb.Gate));
            Assert.That(line.Gate, Is.EqualTo(new GateArguments("app", "Release 1.2", "https://ci/42", "U0ALICE", TimeSpan.FromMinutes(90))));
            Assert.That(line.ConfigurationArgs, Is.EqualTo(new[] { "--Aws:Region=eu-west-1" }));
            Assert.That(line.ConfigPath, Does.EndWith("x.json"));
        });
    }

    [TestCase(new[] { "gate", "--summary", "x" }, "needs a service")]
    [TestCase(new[] { "gate", "app" }, "needs --summary")]
    [TestCase(new[] { "gate", "app", "--summary", " " }, "needs --summary")]
    [TestCase(new[] { "gate", "app", "--summary", "x", "--timeout", "soon" }, "'soon' is not a duration")]
    [TestCase(new[] { "gate", "app", "--summary", "x", "--timeout", "0s" }, "'0s' is not a duration")]
    [TestCase(new[] { "gate", "app", "ui", "--summary", "x" }, "unknown argument 'ui'")]
    [TestCase(new[] { "gate", "app", "--summary" }, "--summary needs a value")]
    public void RefusesWhatItCannotRun(string[] args, string error) =>
        Assert.That(DaemonCommandLine.Parse(args).Error, Does.Contain(error));

    [TestCase("30m", 1800)]
    [TestCase("90s", 90)]
    [TestCase("2h", 7200)]
    [TestCase("1h0m5s", 3605)]
    [TestCase("00:10:00", 600)]
    public void ReadsDurations(string text, int seconds) =>
        Assert.That(GateArguments.ParseDuration(text), Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    [Test]
    public void TheUsageNamesTheVerbAndItsExitCodes() =>
        Assert.That(DaemonCommandLine.Usage, Does.Contain("socketdeployer gate <service> --summary TEXT [--link URL] [--requested-by ID|EMAIL] [--timeout T]")
            .And.Contain("0 approved, 1 rejected, 3 timed out or cancelled"));
}
