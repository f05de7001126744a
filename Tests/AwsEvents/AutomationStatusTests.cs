using SocketDeployer.Core.Aws.Events;

namespace SocketDeployer.Tests.AwsEvents;

public class AutomationStatusTests
{
    // AutomationExecutionStatus in the SSM API reference (StepExecution.StepStatus uses the same enum).
    private static readonly string[] Terminal =
        ["Success", "TimedOut", "Cancelled", "Failed", "Rejected", "ChangeCalendarOverrideRejected", "CompletedWithSuccess", "CompletedWithFailure", "Exited"];

    private static readonly string[] Running =
        ["InProgress", "Waiting", "Cancelling", "PendingApproval", "Approved", "RunbookInProgress", "PendingChangeCalendarOverride", "ChangeCalendarOverrideApproved"];

    private static readonly string[] NotStarted = ["Pending", "Scheduled"];

    [TestCaseSource(nameof(Terminal))]
    public void TerminalStatus_IsTerminalAndNotRunning(string status)
    {
        Assert.That(AutomationStatus.IsKnown(status), Is.True);
        Assert.That(AutomationStatus.IsTerminal(status), Is.True);
        Assert.That(AutomationStatus.IsRunning(status), Is.False);
        Assert.That(AutomationStatus.Rank(status), Is.EqualTo(4));
    }

    [TestCaseSource(nameof(Running))]
    public void RunningStatus_IsRunningAndNotTerminal(string status)
    {
        Assert.That(AutomationStatus.IsKnown(status), Is.True);
        Assert.That(AutomationStatus.IsRunning(status), Is.True);
        Assert.That(AutomationStatus.IsTerminal(status), Is.False);
    }

    [TestCaseSource(nameof(NotStarted))]
    public void NotStartedStatus_IsNeitherRunningNorTerminal(string status)
    {
        Assert.That(AutomationStatus.IsRunning(status), Is.False);
        Assert.That(AutomationStatus.IsTerminal(status), Is.False);
        Assert.That(AutomationStatus.Rank(status), Is.EqualTo(1));
    }

    [Test]
    public void Ranks_OrderPendingBelowRunningBelowTerminal()
    {
        Assert.That(AutomationStatus.Rank(null), Is.Zero);
        Assert.That(AutomationStatus.Rank("Pending"), Is.LessThan(AutomationStatus.Rank("InProgress")));
        Assert.That(AutomationStatus.Rank("InProgress"), Is.EqualTo(AutomationStatus.Rank("Waiting")));
        Assert.That(AutomationStatus.Rank("Waiting"), Is.LessThan(AutomationStatus.Rank("Cancelling")));
        Assert.That(AutomationStatus.Rank("Cancelling"), Is.LessThan(AutomationStatus.Rank("Cancelled")));
        Assert.That(AutomationStatus.Rank("Waiting"), Is.LessThan(AutomationStatus.Rank("Success")));
    }

    [TestCase("success")]
    [TestCase("FAILED")]
    public void Comparison_IgnoresCase(string status) => Assert.That(AutomationStatus.IsTerminal(status), Is.True);

    [TestCase("SomethingNew")]
    [TestCase("")]
    public void UnknownStatus_IsNotKnownNorTerminal(string status)
    {
        Assert.That(AutomationStatus.IsKnown(status), Is.False);
        Assert.That(AutomationStatus.IsTerminal(status), Is.False);
    }

    [Test]
    public void UnknownStatus_RanksAsRunning() =>
        Assert.That(AutomationStatus.Rank("SomethingNew"), Is.EqualTo(AutomationStatus.Rank("InProgress")));

    [TestCase("InProgress", null, true)]
    [TestCase("InProgress", "Pending", true)]
    [TestCase("Waiting", "InProgress", true)]
    [TestCase("InProgress", "Waiting", true)]
    [TestCase("Success", "Waiting", true)]
    [TestCase("Failed", "Cancelling", true)]
    [TestCase("Pending", "InProgress", false)]
    [TestCase("InProgress", "Cancelling", false)]
    [TestCase("InProgress", "Success", false)]
    [TestCase("Waiting", "Failed", false)]
    [TestCase("Success", "Failed", false)]
    [TestCase("Success", "Success", false)]
    public void Supersedes_NeverOverwritesATerminalStatus(string incoming, string? current, bool expected) =>
        Assert.That(AutomationStatus.Supersedes(incoming, current), Is.EqualTo(expected));
}
