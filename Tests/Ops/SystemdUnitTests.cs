using System.Globalization;
using System.Text.RegularExpressions;

namespace SocketDeployer.Tests.Ops;

public partial class SystemdUnitTests
{
    private const string UnitPath = "systemd/socketdeployer.service";
    private const string ExpectedExecStart = "/opt/socketdeployer/socketdeployer --config /etc/socketdeployer/appsettings.json";
    private static readonly UnitFile Unit = UnitFile.Parse(RepoFiles.Read(UnitPath));
    private readonly List<string> _temporary = [];

    [TearDown]
    public void DeleteCopies()
    {
        foreach (var directory in _temporary)
        {
            Directory.Delete(directory, recursive: true);
        }

        _temporary.Clear();
    }

    [Test]
    public void IsANotifyServiceWithAWatchdog()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Unit.Last("Service", "Type"), Is.EqualTo("notify"));
            Assert.That(Unit.Last("Service", "WatchdogSec"), Is.EqualTo("30"));
            Assert.That(Unit.Last("Service", "Restart"), Is.EqualTo("on-failure"));
            Assert.That(Unit.Last("Service", "TimeoutStopSec"), Is.EqualTo("30"));
            Assert.That(Unit.Last("Service", "ExecStart"), Is.EqualTo(ExpectedExecStart));
        });
    }

    [Test]
    public void LoadsBothSlackTokensAsCredentialsNamedLikeTheirKeys()
    {
        var credentials = Unit.All("Service", "LoadCredential");

        Assert.That(credentials, Is.EquivalentTo(new[]
        {
            "Slack__AppToken:/etc/socketdeployer/credentials/Slack__AppToken",
            "Slack__BotToken:/etc/socketdeployer/credentials/Slack__BotToken",
        }));
    }

    [Test]
    public void RunsAsADynamicUserWithOnlyItsStateDirectoryWritable()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Unit.Last("Service", "DynamicUser"), Is.EqualTo("yes"));
            Assert.That(Unit.Last("Service", "StateDirectory"), Is.EqualTo("socketdeployer"));
            Assert.That(Unit.Last("Service", "ProtectSystem"), Is.EqualTo("strict"));
            Assert.That(Unit.Last("Service", "NoNewPrivileges"), Is.EqualTo("yes"));
            Assert.That(Unit.Last("Service", "CapabilityBoundingSet"), Is.Empty);
            Assert.That(Unit.Last("Service", "UMask"), Is.EqualTo("0077"));
            Assert.That(Unit.Last("Service", "RestrictAddressFamilies"), Is.EqualTo("AF_UNIX AF_INET AF_INET6"));
            Assert.That(Unit.Last("Service", "MemoryDenyWriteExecute"), Is.EqualTo("yes"), "a Native AOT binary has no JIT to allow for");
        });
    }

    [Test]
    public void SystemdAnalyzeVerifyAcceptsTheUnit()
    {
        var (exitCode, output) = RunSystemdAnalyze("verify", CopyWithRunnableExecStart());

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Not.Contain("Unknown key").And.Not.Contain("Unknown lvalue").And.Not.Contain("Failed to parse"), output);
    }

    [Test]
    public void SystemdAnalyzeSecurityRatesTheUnitWellHardened()
    {
        var (exitCode, output) = RunSystemdAnalyze("security", "--offline=yes", CopyWithRunnableExecStart());
        if (exitCode != 0 && output.Contains("offline", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Ignore($"this systemd-analyze cannot score unit files offline (systemd >= 250 can): {output}");
        }

        var match = ExposureLine().Match(output);
        Assert.That(match.Success, Is.True, output);
        var exposure = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);

        // 1.1 with systemd 252 (docs/operations.md); newer versions may weigh more settings.
        Assert.That(exposure, Is.LessThanOrEqualTo(2.0), output);
    }

    /// <summary>
    /// verify refuses a unit whose ExecStart binary does not exist, and the daemon is not installed
    /// on the test machine: check a copy whose ExecStart is /bin/true, everything else unchanged.
    /// </summary>
    private string CopyWithRunnableExecStart()
    {
        var directory = Directory.CreateTempSubdirectory("unit-").FullName;
        _temporary.Add(directory);
        var path = Path.Combine(directory, "socketdeployer.service");
        var text = RepoFiles.Read(UnitPath).Replace("ExecStart=/opt/socketdeployer/socketdeployer ", "ExecStart=/bin/true ", StringComparison.Ordinal);
        Assert.That(text, Does.Contain("ExecStart=/bin/true --config"));
        File.WriteAllText(path, text);
        return path;
    }

    private static (int ExitCode, string Output) RunSystemdAnalyze(params string[] arguments) =>
        // No pager and no colours in captured output.
        ExternalTool.Run("systemd-analyze", "apt-get install -y systemd", new Dictionary<string, string> { ["SYSTEMD_PAGER"] = "cat", ["SYSTEMD_COLORS"] = "0" }, arguments);

    [GeneratedRegex(@"Overall exposure level for \S+: (\d+(?:\.\d+)?)")]
    private static partial Regex ExposureLine();
}
