using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Daemon.Verbs;

namespace SocketDeployer.Tests.Gate;

/// <summary>A gate the daemon refused (its service locked or frozen) exits 1 and prints the daemon's reason.</summary>
public class GateHoldOutcomeTests
{
    [Test]
    public void ARefusalByTheDaemonExitsOneWithItsReason()
    {
        var execution = new AutomationExecution("id-1", "SocketDeployer-Gate", "1", "Failed", null, null, "Step fails when it is rejected", null, null,
            [new StepExecution("approve", "aws:approve", "Failed", "s-1", null, null, null, new Dictionary<string, string>())]);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ExecutionTags.Decision] = ApprovalTags.DecisionValue("s-1", "rejected", [], DateTimeOffset.UnixEpoch),
            [ExecutionTags.DecidedBy] = "SocketDeployer",
            [ExecutionTags.Refused] = "app is frozen by weekend nobody on call until Mon Dec 7 08:00 UTC in 2 h",
        };

        Assert.That(GateOutcome.Of(execution, tags), Is.EqualTo(new GateOutcome(GateExit.Rejected,
            "Refused by SocketDeployer: app is frozen by weekend nobody on call until Mon Dec 7 08:00 UTC in 2 h.")));
    }
}
