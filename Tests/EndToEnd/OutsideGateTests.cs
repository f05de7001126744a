using System.Text.Json;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;
using SocketDeployer.Tests.Aws;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

/// <summary>A gate started "from outside": the pipeline calls the Sandbox's SSM API itself (StartAutomationExecution
/// of the gate document), as a job with only the AWS CLI would; the real daemon announces it, resolves an email
/// requester with users.lookupByEmail, and four-eyes holds against that person.</summary>
public class OutsideGateTests : SandboxTest
{
    protected override bool RunAutomations => true;

    private async Task<string> StartGateAsync(string service, string summary, string? requestedBy)
    {
        using var ssm = SandboxClients.Ssm(Env.Aws);
        var parameters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["Service"] = [service], ["Summary"] = [summary] };
        if (requestedBy is not null)
        {
            parameters["RequestedBy"] = [requestedBy];
        }

        return await ssm.StartAutomationExecutionAsync(
            new StartAutomationRequest(SandboxDocuments.GateDocument, SandboxDocuments.GateVersion, parameters, Guid.NewGuid().ToString(), new Dictionary<string, string>()),
            CancellationToken.None);
    }

    private Task<SlackMessageRecord> Announcement(string marker) =>
        Slack.WaitForMessageAsync(m => m.IsBot && m.Channel == DeployChannel && m.ThreadTs is null && m.Text.Contains(marker, StringComparison.Ordinal), Wait);

    private Task<SlackMessageRecord> PromptIn(string ts) =>
        BotReplyIn(ts, m => m.Blocks?.ToJsonString().Contains(ApprovalMessages.ApproveAction, StringComparison.Ordinal) == true);

    private Task Click(string user, SlackMessageRecord prompt, string executionId) =>
        Slack.ClickButtonAsync(user, prompt.Channel, prompt.Ts, ApprovalMessages.ApproveAction, ApprovalMessages.ButtonValue(executionId, "approve"));

    [Test]
    public async Task AGateNamingItsRequesterByEmailIsResolvedAndTheyCannotApproveIt()
    {
        var id = await StartGateAsync("app", "CI job 7: migrate the schema", "Carol@Example.com");
        var announcement = await Announcement("CI job 7");
        var prompt = await PromptIn(announcement.Ts);
        await Click(Carol, prompt, id);
        var refusal = await EphemeralTo(Carol, announcement.Ts);
        await Click(Bob, prompt, id);
        await WaitUntilAsync(() => Env.Aws.Execution(id).Status == "Success");

        var lookup = Slack.Calls.Single(c => c.Method == "users.lookupByEmail");
        var audit = (await AuditLinesAsync()).Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.GetProperty("event").GetString() == "gate");
        Assert.Multiple(() =>
        {
            Assert.That(announcement.Text, Does.Contain($"requested by <@{Carol}> ({SlackText.Escape("Carol@Example.com")})").And.Contain("CI job 7: migrate the schema"));
            Assert.That(prompt.Text, Does.Contain($"requested by <@{Carol}>"));
            Assert.That(refusal.Text, Does.Contain("someone else has to approve"));
            Assert.That(Env.Aws.Execution(id).Tags["socketdeployer:requester"], Is.EqualTo(Carol));
            Assert.That(lookup.Arguments["email"]?.GetValue<string>(), Is.EqualTo("carol@example.com"));
            Assert.That(audit.GetProperty("outcome").GetString(), Is.EqualTo("announced"));
            Assert.That(audit.GetProperty("user").GetString(), Is.EqualTo(Carol));
            Assert.That(audit.GetProperty("executionId").GetString(), Is.EqualTo(id));
        });
    }

    [Test]
    public async Task AnEmailNoSlackUserHasLeavesTheRequesterUnknownAndSaysWhy()
    {
        var id = await StartGateAsync("app", "Nightly hotfix", "nobody@example.com");
        var announcement = await Announcement("Nightly hotfix");
        var prompt = await PromptIn(announcement.Ts);
        var following = BotMessagesIn(announcement.Ts)[1];
        await Click(Carol, prompt, id);
        await WaitUntilAsync(() => Env.Aws.Execution(id).Status == "Success");

        Assert.Multiple(() =>
        {
            Assert.That(announcement.Text, Does.Contain($"{SlackText.Escape("nobody@example.com")} (could not be resolved: no Slack user has this email; unknown to four-eyes)"));
            Assert.That(following.Text, Does.Contain("could not be resolved (no Slack user has this email), so the requester is unknown and any approver may decide"));
            Assert.That(prompt.Text, Does.Contain("requested by an unknown requester (nobody@example.com could not be resolved: no Slack user has this email)"));
            Assert.That(Env.Aws.Execution(id).Tags["socketdeployer:requester"], Is.Empty);
            Assert.That(Slack.Calls.Single(c => c.Method == "users.lookupByEmail").Error, Is.EqualTo("users_not_found"));
        });
    }

    [Test]
    public async Task WithoutTheEmailScopeTheRequesterIsUnknownAndTheThreadSaysTheScopeIsMissing()
    {
        Slack.RevokeScope("users:read.email");
        await StartGateAsync("app", "Scope check", "carol@example.com");
        var announcement = await Announcement("Scope check");
        var prompt = await PromptIn(announcement.Ts);

        Assert.Multiple(() =>
        {
            Assert.That(announcement.Text, Does.Contain("could not be resolved: the Slack app lacks the users:read.email scope"));
            Assert.That(prompt.Text, Does.Contain("an unknown requester (carol@example.com could not be resolved: the Slack app lacks the users:read.email scope)"));
        });
    }

    [Test]
    public async Task AGateNamingNobodySaysTheRequesterIsUnknownAndCancellingItInSlackEndsIt()
    {
        var id = await StartGateAsync("app", "Anonymous change", requestedBy: null);
        var announcement = await Announcement("Anonymous change");
        var prompt = await PromptIn(announcement.Ts);
        await Say(Bob, $"cancel {id}", threadTs: announcement.Ts);
        await WaitUntilAsync(() => Env.Aws.Execution(id).Status == "Cancelled");
        await BotReplyIn(announcement.Ts, m => m.Text.Contains(":octagonal_sign:", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(announcement.Text, Does.Contain("requested by nobody named (requester unknown)"));
            Assert.That(BotMessagesIn(announcement.Ts)[1].Text, Does.Contain("no requester was named, so the requester is unknown"));
            Assert.That(prompt.Text, Does.Contain("requested by an unknown requester (started outside Slack, nobody named)"));
            Assert.That(Slack.Calls.Where(c => c.Method == "users.lookupByEmail"), Is.Empty, "nobody to look up");
        });
    }
}
