using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SocketDeployer.Sandbox.Aws;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>
/// EventBridge step events on the queue for executions the benchmark created (tagged like the daemon's own, status
/// message in place), each with a step name of its own, so each Slack call names the event that caused it.
/// </summary>
internal sealed partial class QueueLoad(SandboxEnvironment env, TimeProvider time)
{
    private readonly List<string> _executions = [];
    private int _next;

    public IReadOnlyList<string> Executions => _executions;

    /// <summary>Creates <paramref name="count"/> tracked-looking executions: thread parent and status message seeded in Slack.</summary>
    public IReadOnlyList<string> CreateExecutions(int count)
    {
        var created = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var channel = BenchCatalog.EventChannel(_executions.Count);
            var parent = env.Slack.SeedBotMessage(channel, "bench release");
            var status = env.Slack.SeedBotMessage(channel, "bench status", parent);
            var execution = env.Aws.CreateExecution(BenchCatalog.EventsDocument, "1", new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["socketdeployer:thread"] = $"{channel}/{parent}",
                ["socketdeployer:requester"] = SandboxPeople.Alice,
                ["socketdeployer:service"] = "app",
                ["socketdeployer:version"] = "r-1.0.0",
                ["socketdeployer:status"] = status,
            });
            _executions.Add(execution.Id);
            created.Add(execution.Id);
        }

        return created;
    }

    /// <summary>Sends one step-failed event per execution (a failed step is what still gets a thread line of its own;
    /// a step that succeeded only edits the status message, coalesced), at <paramref name="perSecond"/> (0: all at once); returns each marker's send time.</summary>
    public async Task<Dictionary<string, DateTimeOffset>> SendAsync(IReadOnlyList<string> executions, int count, int perSecond)
    {
        var sent = new Dictionary<string, DateTimeOffset>(count, StringComparer.Ordinal);
        var start = time.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            if (perSecond > 0)
            {
                while (time.GetElapsedTime(start).TotalSeconds * perSecond < i)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(1), time);
                }
            }

            var marker = string.Create(CultureInfo.InvariantCulture, $"q{_next++:D7}");
            sent[marker] = time.GetUtcNow();
            env.Aws.SendMessage(env.QueueUrl, StepEvent(executions[i % executions.Count], marker).ToJsonString());
        }

        return sent;
    }

    /// <summary>For each marker, when the first Slack call naming it arrived; waits (bounded) until every marker was seen.</summary>
    public async Task<Dictionary<string, DateTimeOffset>> WaitForCallsAsync(IReadOnlyDictionary<string, DateTimeOffset> sent, TimeSpan timeout)
    {
        var seen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var scanned = 0;
        await Poll.UntilAsync(
            () =>
            {
                var calls = env.Slack.Calls;
                for (; scanned < calls.Count; scanned++)
                {
                    if (calls[scanned].Arguments["text"] is JsonValue text && text.TryGetValue<string>(out var t)
                        && Marker().Match(t) is { Success: true } m && sent.ContainsKey(m.Groups[1].Value))
                    {
                        seen.TryAdd(m.Groups[1].Value, calls[scanned].Time);
                    }
                }

                return seen.Count >= sent.Count;
            },
            timeout,
            TimeSpan.FromMilliseconds(100),
            time);
        return seen;
    }

    public static Latencies LatenciesOf(IReadOnlyDictionary<string, DateTimeOffset> sent, IReadOnlyDictionary<string, DateTimeOffset> seen) =>
        new(seen.Select(s => (s.Value - sent[s.Key]).TotalMilliseconds), sent.Count - seen.Count);

    private JsonObject StepEvent(string executionId, string stepName)
    {
        var now = time.GetUtcNow();
        var human = now.UtcDateTime.ToString("MMM d, yyyy h:mm:ss tt", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["version"] = "0",
            ["id"] = Guid.NewGuid().ToString(),
            ["detail-type"] = "EC2 Automation Step Status-change Notification",
            ["source"] = "aws.ssm",
            ["account"] = env.Aws.AccountId,
            ["time"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["region"] = env.Aws.Region,
            ["resources"] = new JsonArray($"arn:aws:ssm:{env.Aws.Region}:{env.Aws.AccountId}:automation-execution/{executionId}"),
            ["detail"] = new JsonObject
            {
                ["ExecutionId"] = executionId,
                ["Definition"] = BenchCatalog.EventsDocument,
                ["DefinitionVersion"] = 1.0,
                ["Status"] = "Failed",
                ["StartTime"] = human,
                ["EndTime"] = human,
                ["Time"] = 0.0,
                ["StepName"] = stepName,
                ["Action"] = "aws:executeAwsApi",
            },
        };
    }

    [GeneratedRegex(@"\*(q\d{7})\*", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
