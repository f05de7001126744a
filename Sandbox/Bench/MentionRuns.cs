using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>Mention → reply in thread, addressed to one peer's connections: "help" for the daemon, any text for Bolt's echo.</summary>
internal static class MentionRuns
{
    public static async Task<Latencies> RunAsync(SlackWorkspace slack, IReadOnlyList<int> connections, int count)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var (ts, delivery) = await slack.MentionOnConnectionAsync(SandboxPeople.DeployChannel, SandboxPeople.Alice, "help", connections[i % connections.Count]);
            var reply = await slack.WaitForCallAsync(
                c => c.Method.StartsWith("chat.post", StringComparison.Ordinal) && c.Arguments["thread_ts"]?.GetValue<string>() == ts, TimeSpan.FromSeconds(30));
            var sent = slack.Acks.First(a => a.EnvelopeId == delivery.EnvelopeId).DeliveredAt;
            latencies.Add((reply.Time - sent).TotalMilliseconds);
        }

        return new Latencies(latencies);
    }
}
