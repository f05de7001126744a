using System.Text.Json.Nodes;
using SocketDeployer.Core.Flow;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Core.Flow.Changes;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Tests.FlowProgress;

namespace SocketDeployer.Tests.Changes;

public class ChangeMessagesTests
{
    private const string Compare = "https://github.com/org/app/compare/{from}...{to}";
    private static readonly Promotion Staging = new("app-staging", new DateTimeOffset(2026, 12, 1, 9, 4, 0, TimeSpan.Zero), "11111111-2222-4333-8444-555555555555");

    private static ReleaseChanges Changes(string? live, bool rollback = false, Promotion? promotion = null) =>
        ReleaseChanges.For(ReleaseHistoryTests.Service(compare: Compare), "r-2", live, rollback, promotion);

    /// <summary>Every "text" of a Block Kit tree, one per line, as Slack would render them.</summary>
    internal static string TextOf(JsonNode node) => node switch
    {
        JsonObject o => string.Join('\n', o.Select(p => p is { Key: "text", Value: JsonValue v } ? v.GetValue<string>() : p.Value is null ? "" : TextOf(p.Value))),
        JsonArray a => string.Join('\n', a.Select(x => x is null ? "" : TextOf(x))),
        _ => "",
    };

    [Test]
    public void TheLiveVersionWithAComparisonLink() =>
        Assert.That(ChangeMessages.Line(Changes("r-1")),
            Is.EqualTo("Live now: `r-1` · <https://github.com/org/app/compare/r-1...r-2|Compare r-1…r-2>"));

    [Test]
    public void WithoutARepositoryOnlyTheLiveVersion() =>
        Assert.That(ChangeMessages.Line(ReleaseChanges.For(ReleaseHistoryTests.Service(), "r-2", "r-1", false, null)), Is.EqualTo("Live now: `r-1`"));

    [Test]
    public void NothingLiveYet() => Assert.That(ChangeMessages.Line(Changes(null)), Is.EqualTo("Nothing is live yet"));

    [Test]
    public void TheSameVersionHasNothingToCompare() =>
        Assert.That(ChangeMessages.Line(Changes("r-2")), Is.EqualTo("Live now: `r-2` (the same version)"));

    [Test]
    public void ARollbackSaysFromWhichVersionToWhich()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ChangeMessages.Line(Changes("r-3", rollback: true)), Does.StartWith(":rewind: Rollback from `r-3` to `r-2` · Live now: `r-3`"));
            Assert.That(ChangeMessages.Rollback(Changes(null, rollback: true)), Is.EqualTo("Rollback to `r-2`"));
        });
    }

    [Test]
    public void APromotionSaysWhereAndWhen() =>
        Assert.That(ChangeMessages.Line(Changes("r-1", promotion: Staging)),
            Does.EndWith(" · :white_check_mark: Succeeded on *app-staging* at 2026-12-01 09:04 UTC (`11111111-2222-4333-8444-555555555555`)"));

    [Test]
    public void AVersionCannotBreakTheLinkLabel() =>
        Assert.That(ChangeMessages.Live(ReleaseChanges.For(ReleaseHistoryTests.Service(compare: Compare), "r-2|x>y", "r-1", false, null)),
            Does.EndWith("|Compare r-1…r-2¦x&gt;y>"));

    [Test]
    public void TheTagsCarryTheChangesToThePrompt()
    {
        var service = ReleaseHistoryTests.Service(compare: Compare);
        var changes = ReleaseChanges.For(service, "r-2", "r-1", true, Staging);
        var back = ReleaseChanges.FromTags(service, "r-2", changes.Tags());
        Assert.Multiple(() =>
        {
            Assert.That(back, Is.EqualTo(changes));
            Assert.That(changes.Tags()[ChangeTags.Kind], Is.EqualTo("rollback"));
            Assert.That(ReleaseChanges.For(service, "r-2", null, false, null).Tags(), Is.EqualTo(new Dictionary<string, string> { [ChangeTags.Kind] = "deploy" }));
            Assert.That(ReleaseChanges.FromTags(service, "r-2", new Dictionary<string, string>()), Is.Null, "a gate or console execution");
        });
    }

    [Test]
    public void TheStartReplyShowsTheChanges()
    {
        var service = ReleaseHistoryTests.Service(compare: Compare);
        var deploy = DeployMessages.Started(service, "r-2", "U0ALICE", Samples.ExecutionId, Samples.Console, changes: Changes("r-1"));
        var rollback = DeployMessages.Started(service, "r-2", "U0ALICE", Samples.ExecutionId, Samples.Console, changes: Changes("r-3", rollback: true));
        Assert.Multiple(() =>
        {
            Assert.That(deploy.Text, Does.StartWith(":rocket: <@U0ALICE> started *app* `r-2`"));
            Assert.That(TextOf(deploy.Blocks!), Does.Contain("Live now: `r-1`").And.Contain("compare/r-1...r-2"));
            Assert.That(rollback.Text, Does.StartWith(":rewind: <@U0ALICE> started a rollback of *app* from `r-3` to `r-2`"));
        });
    }

    [Test]
    public void ThePromptShowsTheChangesAndARollbackHeader()
    {
        var service = ReleaseHistoryTests.Service(compare: Compare);
        var tags = ReleaseChanges.For(service, "r-2", "r-3", true, null).Tags();
        var release = Samples.Release("r-2") with { Tags = tags };
        var prompt = ApprovalMessages.Prompt(release, service, "approve", null, [], Samples.Console);
        var deploy = ApprovalMessages.Prompt(Samples.Release("r-2") with { Tags = ReleaseChanges.For(service, "r-2", "r-1", false, Staging).Tags() }, service, "approve", null, [], Samples.Console);
        var gate = ApprovalMessages.Prompt(Samples.Release("r-2"), service, "approve", null, [], Samples.Console);
        Assert.Multiple(() =>
        {
            Assert.That(prompt.Text, Does.StartWith(":raised_hand: Approval needed to roll back *app* from `r-3` to `r-2`, requested by <@U0ALICE>"));
            Assert.That(TextOf(prompt.Blocks![1]!), Does.Contain("Live now: `r-3`").And.Contain("compare/r-3...r-2"));
            Assert.That(TextOf(deploy.Blocks!), Does.Contain("Succeeded on *app-staging* at 2026-12-01 09:04 UTC"));
            Assert.That(TextOf(gate.Blocks!), Does.Not.Contain("Live now").And.Not.Contain("Nothing is live"), "a gate's prompt has no change tags");
            Assert.That(gate.Blocks!, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public void TheDecidedPromptKeepsWhatWasApproved()
    {
        var service = ReleaseHistoryTests.Service(compare: Compare);
        var release = Samples.Release("r-2") with { Tags = ReleaseChanges.For(service, "r-2", "r-1", false, null).Tags() };
        var decided = ApprovalMessages.Decided(release, null, ApprovalMessages.Approved(["U0BOB"], DateTimeOffset.UnixEpoch), service);
        Assert.Multiple(() =>
        {
            Assert.That(TextOf(decided.Blocks!), Does.Contain("Live now: `r-1`").And.Contain("Approved by <@U0BOB>"));
            Assert.That(ApprovalMessages.Decided(release, null, "x").Blocks!, Has.Count.EqualTo(2), "without the service, as before");
        });
    }
}
