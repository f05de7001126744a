using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Daemon.Verbs;

namespace SocketDeployer.Tests.Gate;

public class GateOutcomeTests
{
    private static AutomationExecution Ended(string status, string approveStep = "Success", string? failure = null) =>
        new("id-1", "SocketDeployer-Gate", "1", status, null, null, failure, null, null,
            [new StepExecution("approve", "aws:approve", approveStep, "s-1", null, null, null, new Dictionary<string, string>())]);

    private static Dictionary<string, string> Decided(string kind, params (string? Name, string Id)[] people) => new(StringComparer.Ordinal)
    {
        [ExecutionTags.Decision] = ApprovalTags.DecisionValue("s-1", kind, people.Select(p => p.Id), DateTimeOffset.UnixEpoch),
        [ExecutionTags.DecidedBy] = DecidedByTag.Value(people),
    };

    [Test]
    public void ApprovedInSlackSaysWhoAndExitsZero()
    {
        var outcome = GateOutcome.Of(Ended("Success"), Decided("approved", (null, "U0ERIN"), ("Carol (ops)", "U0CAROL")));
        Assert.That(outcome, Is.EqualTo(new GateOutcome(GateExit.Approved, "Approved in Slack by U0ERIN, Carol ops (U0CAROL).")));
    }

    [Test]
    public void ApprovedOutsideSlackStillExitsZeroButSaysSo() =>
        Assert.That(GateOutcome.Of(Ended("Success"), new Dictionary<string, string>()).Line, Does.StartWith("Approved outside Slack"));

    [Test]
    public void RejectedExitsOne()
    {
        var outcome = GateOutcome.Of(Ended("Failed", "Failed", "rejected"), Decided("rejected", ("erin", "U0ERIN")));
        Assert.That(outcome, Is.EqualTo(new GateOutcome(GateExit.Rejected, "Rejected in Slack by erin (U0ERIN).")));
    }

    [TestCase("TimedOut", "timed out")]
    [TestCase("Cancelled", "cancelled")]
    public void NoDecisionExitsThree(string status, string says)
    {
        var outcome = GateOutcome.Of(Ended(status, status), new Dictionary<string, string>());
        Assert.That(outcome.ExitCode, Is.EqualTo(GateExit.NoDecision));
        Assert.That(outcome.Line, Does.Contain(says));
    }

    [Test]
    public void AFailureBeforeTheApprovalIsAnError()
    {
        var outcome = GateOutcome.Of(Ended("Failed", "Pending", "The role cannot be assumed"), new Dictionary<string, string>());
        Assert.That(outcome.ExitCode, Is.EqualTo(GateExit.Error));
        Assert.That(outcome.Line, Does.Contain("The role cannot be assumed"));
    }

    [Test]
    public void TheDecidedByTagIsAValidTagValue()
    {
        var value = DecidedByTag.Value([("Zoë (on call), ops", "U0ZOE")]);
        Assert.That(value, Does.Match(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$"));
        Assert.That(DecidedByTag.Describe(value), Is.EqualTo("Zoë on call ops (U0ZOE)"));
    }
}
