using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Policy.Freezes;

namespace SocketDeployer.Tests.Policy.Freezes;

/// <summary>Deploy:Freezes and Deploy:BreakGlassApprovers: each mistake is refused under its full key.</summary>
public class FreezeOptionsValidatorTests
{
    private static DeployOptions Deploy(FreezeOptions freeze, params string[] breakGlass) => new()
    {
        Freezes = new(StringComparer.Ordinal) { ["friday"] = freeze },
        BreakGlassApprovers = [.. breakGlass],
        Services = new(StringComparer.Ordinal) { ["app"] = new ServiceOptions() },
    };

    private static IReadOnlyList<string> Failures(FreezeOptions freeze, params string[] breakGlass) =>
        [.. FreezeOptionsValidator.Failures(Deploy(freeze, breakGlass))];

    [Test]
    public void AWeeklyAndAnAbsoluteFreezeAreValid() =>
        Assert.That(
            Failures(new FreezeOptions { Reason = "r", Start = "Friday 16:00", End = "Monday 08:00" }, "U0BOB", "S0PRODAPPROVERS")
                .Concat(Failures(new FreezeOptions { Reason = "r", Start = "2026-12-23T18:00:00Z", End = "2027-01-04T08:00:00Z", Services = ["app"] })),
            Is.Empty);

    [TestCase("Friday 16:00", "Friday 16:00", "Deploy:Freezes:friday:End: the same as Start (Friday 16:00)")]
    [TestCase("Friday 25:00", "Monday 08:00", "Deploy:Freezes:friday:Start: 'Friday 25:00' is not a weekly time such as Friday 16:00")]
    [TestCase("Friday 16:00", "2026-12-07T08:00:00Z", "Deploy:Freezes:friday:End: '2026-12-07T08:00:00Z' must be a weekly time like the other end")]
    [TestCase("2026-12-07T08:00:00Z", "2026-12-07T08:00:00Z", "Deploy:Freezes:friday:End: 2026-12-07T08:00:00Z is not after Start")]
    [TestCase("2026-12-07T08:00:00+02:00", "2026-12-08T08:00:00Z", "Deploy:Freezes:friday:Start: '2026-12-07T08:00:00+02:00' must be in UTC (end it with Z), not at offset 02:00")]
    [TestCase("2026-12-07T08:00:00", "2026-12-08T08:00:00Z", "Deploy:Freezes:friday:Start: '2026-12-07T08:00:00' is not an instant in UTC")]
    [TestCase("tomorrow", "2026-12-08T08:00:00Z", "Deploy:Freezes:friday:Start: 'tomorrow' is not an instant in UTC")]
    public void AStartOrEndThatIsNoTimeNamesItsKey(string start, string end, string failure) =>
        Assert.That(Failures(new FreezeOptions { Reason = "r", Start = start, End = end }), Has.Some.StartsWith(failure));

    [Test]
    public void AMissingReasonAnUnknownServiceAndABadApproverAreNamed()
    {
        var failures = Failures(new FreezeOptions { Start = "Friday 16:00", End = "Monday 08:00", Services = ["api"] }, "bob");
        Assert.That(failures, Is.EquivalentTo(new[]
        {
            "Deploy:Freezes:friday:Reason: is required.",
            "Deploy:Freezes:friday:Services:0: 'api' is not a service of Deploy:Services",
            "Deploy:BreakGlassApprovers:0: 'bob' is not a user ID (U…/W…) or user-group ID (S…)",
        }));
    }

    [Test]
    public void TheDeployValidatorReportsFreezeFailures() =>
        Assert.That(
            new DeployOptionsValidator().Validate(null, Deploy(new FreezeOptions { Reason = "r", Start = "Friday 16:00", End = "Friday 16:00" })).Failures,
            Has.Some.StartsWith("Deploy:Freezes:friday:End:"));
}
