using SocketDeployer.Sandbox.Slack;
using SocketDeployer.Tests.EndToEnd;
using SocketDeployer.Tests.Support;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.Hostile;

public sealed partial class HostileCorpusTests
{
    private sealed record Snapshot(HashSet<string> BotMessages, int SlackCalls, int AwsCalls, int Refused, HashSet<Microsoft.Extensions.Logging.Testing.FakeLogRecord> Logs);

    private async Task<Snapshot> SnapshotAsync() => new(
        [.. AllBotMessages().Select(Key)],
        Slack.Calls.Count,
        env.Aws.Calls.Count,
        await RefusedCountAsync(),
        logs.Records.ToHashSet(ReferenceEqualityComparer.Instance as IEqualityComparer<Microsoft.Extensions.Logging.Testing.FakeLogRecord>));

    private IEnumerable<SlackMessageRecord> AllBotMessages() =>
        Slack.Messages(DeployChannel).Concat(Slack.Messages(OtherChannel)).Where(m => m.IsBot);

    private List<SlackMessageRecord> NewBotMessages(Snapshot before) => [.. AllBotMessages().Where(m => !before.BotMessages.Contains(Key(m)))];

    private static string Key(SlackMessageRecord m) => $"{m.Channel}/{m.Ts}";

    private Task<SlackMessageRecord> NewBotMessageAsync(Snapshot before, Func<SlackMessageRecord, bool> match) =>
        Slack.WaitForMessageAsync(m => m.IsBot && !before.BotMessages.Contains(Key(m)) && match(m), Wait);

    private async Task<int> RefusedCountAsync()
    {
        if (!File.Exists(env.AuditLogPath))
        {
            return 0;
        }

        using var reader = new StreamReader(new FileStream(env.AuditLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var text = await reader.ReadToEndAsync();
        return text.Split('\n').Count(l => l.Contains("\"outcome\":\"refused\"", StringComparison.Ordinal));
    }

    /// <summary>The audit's refused count once it reaches <paramref name="expected"/>, or what it is after <see cref="Wait"/>.</summary>
    private async Task<int> UntilRefusedCountAsync(int expected)
    {
        await SandboxChanges.TryWaitUntilAsync(env, async () => await RefusedCountAsync() >= expected, Wait);
        return await RefusedCountAsync();
    }

    private async Task UntilAsync(Func<bool> condition, string what)
    {
        if (!await SandboxChanges.TryWaitUntilAsync(env, () => Task.FromResult(condition()), Wait))
        {
            throw new TimeoutException($"Not in time: {what}");
        }
    }
}
