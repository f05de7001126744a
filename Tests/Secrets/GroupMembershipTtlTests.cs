using Microsoft.Extensions.Logging.Testing;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;
using SocketDeployer.Tests.Support;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.Secrets;

/// <summary>User-group membership is a cached answer from Slack: once its TTL has passed it is read again, so an
/// approver taken out of the group loses the right without a restart.</summary>
public class GroupMembershipTtlTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(1);

    [Test]
    public async Task AnApproverRemovedFromTheGroupIsRefusedOnceTheTtlHasPassed()
    {
        await using var env = await SandboxEnvironment.StartAsync();
        env.Aws.RunAutomations(env.QueueUrl);
        using var logs = new FakeLoggerProvider();
        await using var daemon = DaemonInstance.Start(env, logs.AddTo, $"--Slack:UserGroupCacheTtl={Ttl:c}");
        await env.Slack.WaitForConnectionsAsync(2, Wait);
        var slack = env.Slack;

        // Erin approves through S0PRODAPPROVERS.
        var (first, firstPrompt) = await DeployUntilPromptAsync(env, "r-99.1.0");
        await ClickAsync(env, Erin, firstPrompt, first);
        await slack.WaitForMessageAsync(m => m.IsBot && m.ThreadTs == firstPrompt.ThreadTs && m.Text.StartsWith(":tada:", StringComparison.Ordinal), Wait);

        slack.SetUserGroupMembers(ProdApprovers, Carol);
        var removedAt = DateTimeOffset.UtcNow;
        var (second, secondPrompt) = await DeployUntilPromptAsync(env, "r-99.2.0");

        // The list was cached at Erin's first approval, before the change: one TTL after the change it has expired
        // (the daemon runs on the real clock, so that much real time passes), and Dave's (never an approver) click
        // makes the daemon ask Slack for the group again.
        var sinceRemoval = DateTimeOffset.UtcNow - removedAt;
        if (sinceRemoval < Ttl)
        {
            await Task.Delay(Ttl - sinceRemoval);
        }

        await ClickAsync(env, Dave, secondPrompt, second);
        await slack.WaitForMessageAsync(m => m.EphemeralFor == Dave, Wait);
        Assert.That(slack.Calls.Any(c => c.Method == "usergroups.users.list" && c.Time > removedAt && (string?)c.Arguments["usergroup"] == ProdApprovers),
            Is.True, "the group was read again once its TTL had passed");

        await ClickAsync(env, Erin, secondPrompt, second);
        var refusal = await slack.WaitForMessageAsync(m => m.EphemeralFor == Erin, Wait);
        var audit = await File.ReadAllLinesAsync(env.AuditLogPath);
        Assert.Multiple(() =>
        {
            Assert.That(refusal.Text, Does.Contain("not an approver of *app*"));
            Assert.That(env.Aws.Execution(second).Status, Is.EqualTo("Waiting"));
            Assert.That(env.Aws.Execution(second).Signals, Is.Empty, "nothing signalled for the removed approver");
            Assert.That(env.Aws.Execution(first).Signals, Has.Count.EqualTo(1), "her first approval, while still in the group");
            Assert.That(audit, Has.Some.Contains($"\"user\":\"{Erin}\"").And.Contains("\"outcome\":\"refused\"").And.Contains(second));
        });
    }

    private static async Task<(string Execution, SlackMessageRecord Prompt)> DeployUntilPromptAsync(SandboxEnvironment env, string version)
    {
        var ts = await env.Slack.PostUserMessageAsync(DeployChannel, Alice, $"<@{env.Slack.BotUserId}> run deploy app {version}");
        var prompt = await env.Slack.WaitForMessageAsync(
            m => m.IsBot && m.ThreadTs == ts && m.Blocks?.ToJsonString().Contains(ApprovalMessages.ApproveAction, StringComparison.Ordinal) == true, Wait);
        var execution = env.Aws.Executions.Single(e => e.Tags.GetValueOrDefault("socketdeployer:version") == version).Id;
        // The prompt's ts is tagged on the execution (a call the Sandbox signals) after the prompt is posted.
        await env.Aws.WaitUntilAsync(() => ApprovalTags.From(env.Aws.Execution(execution).Tags).PromptTs == prompt.Ts, Wait);
        return (execution, prompt);
    }

    private static Task ClickAsync(SandboxEnvironment env, string user, SlackMessageRecord prompt, string execution) =>
        env.Slack.ClickButtonAsync(user, prompt.Channel, prompt.Ts, ApprovalMessages.ApproveAction, ApprovalMessages.ButtonValue(execution, "approve"));
}
