using SocketDeployer.Core.Policy.Freezes;

namespace SocketDeployer.Tests.Policy.Freezes;

/// <summary>A break-glass release needs the service's approvals plus one from a break-glass approver, each a different person.</summary>
public class BreakGlassQuorumTests
{
    private static readonly (bool, bool) ServiceApprover = (true, false);
    private static readonly (bool, bool) BreakGlassApprover = (false, true);
    private static readonly (bool, bool) Both = (true, true);

    [Test]
    public void OneMoreThanUsualIsNeeded() => Assert.That(BreakGlassQuorum.Needed(2), Is.EqualTo(3));

    [Test]
    public void TwoServiceApproversAreNotEnoughWithoutABreakGlassApprover() =>
        Assert.That(BreakGlassQuorum.Counted([ServiceApprover, ServiceApprover], required: 1), Is.EqualTo(1));

    [Test]
    public void TwoBreakGlassApproversFillOnlyTheExtraPlace() =>
        Assert.That(BreakGlassQuorum.Counted([BreakGlassApprover, BreakGlassApprover], required: 1), Is.EqualTo(1));

    [Test]
    public void AServiceApproverAndABreakGlassApproverMakeTheQuorum() =>
        Assert.That(BreakGlassQuorum.Counted([ServiceApprover, BreakGlassApprover], required: 1), Is.EqualTo(2));

    [Test]
    public void SomeoneOnBothListsFillsWhicheverPlaceIsOpen() =>
        Assert.Multiple(() =>
        {
            Assert.That(BreakGlassQuorum.Counted([Both, ServiceApprover], required: 1), Is.EqualTo(2));
            Assert.That(BreakGlassQuorum.Counted([Both, BreakGlassApprover], required: 1), Is.EqualTo(2));
            Assert.That(BreakGlassQuorum.Counted([Both, Both], required: 1), Is.EqualTo(2));
            Assert.That(BreakGlassQuorum.Counted([Both], required: 1), Is.EqualTo(1), "one person fills one place");
        });
}
