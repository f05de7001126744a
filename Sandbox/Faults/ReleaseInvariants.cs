using System.Text.Json;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;

namespace SocketDeployer.Sandbox.Faults;

/// <summary>What must hold after releases ran through a fault, read from Slack's and AWS's records.</summary>
internal sealed class ReleaseInvariants(SandboxEnvironment env, FaultScenario scenario)
{
    /// <summary>How far the heap may grow over the run and still count as back to baseline.</summary>
    public const long MemoryMargin = 64L * 1024 * 1024;

    // Every step shows in the status message, the approval step as approved (its outcome is on the prompt too).
    private static readonly string[] StepLines =
        [.. SandboxDocuments.AppSteps.Select(s => s.Action == "aws:approve" ? $":white_check_mark: *{s.Name}* approved" : $":white_check_mark: *{s.Name}* succeeded")];

    // A clean release posts its start reply, the approval prompt and the result; nothing else (issue 12).
    private const int PostsPerRelease = 3;

    public IReadOnlyList<InvariantResult> Check(IReadOnlyList<ReleaseRecord> releases, IReadOnlyList<DaemonError> errors, (long Baseline, long After)? memory)
    {
        var posts = env.Slack.Calls.Where(c => c.Method == "chat.postMessage" && c.Ok).ToList();
        List<SlackApiCall> PostsIn(string ts, Func<string, bool> text) =>
            [.. posts.Where(p => p.Arguments["thread_ts"]?.ToString() == ts && text(p.Arguments["text"]?.ToString() ?? ""))];

        var dlq = env.Aws.CreateQueue(SandboxEnvironment.QueueName + "-dlq");
        var unexplained = errors.Where(e => !scenario.Explains(e)).ToList();
        return
        [
            PerRelease("release finished", releases, r => r.Failure ?? ""),
            PerRelease("one execution per request", releases, r => Count(env.Aws.Executions.Count(e => Tagged(e.Tags, r.ThreadTs)), 1)),
            PerRelease("one start reply", releases, r => Count(PostsIn(r.ThreadTs, t => t.StartsWith(":rocket:", StringComparison.Ordinal)).Count, 1)),
            PerRelease("every step in the status message", releases, r => string.Join(' ', StepsMissing(r.ThreadTs).Append(DecisionOnPrompt(r.ThreadTs)).Where(x => x.Length > 0))),
            // A status message posted again because its record was lost (a kill between post and tag) is the fault's, not the release's.
            PerRelease("three posts per release", releases, r => Count(PostsIn(r.ThreadTs, t => !t.StartsWith(":arrows_counterclockwise:", StringComparison.Ordinal)).Count, PostsPerRelease)),
            PerRelease("one prompt per approval step", releases, r => Count(PostsIn(r.ThreadTs, t => t.StartsWith(":raised_hand:", StringComparison.Ordinal)).Count, 1)),
            PerRelease("one signal per decision", releases, r => Count(env.Aws.Executions.Where(e => Tagged(e.Tags, r.ThreadTs)).Sum(e => e.Signals.Count), 1)),
            PerRelease("final result posted", releases, r => Count(PostsIn(r.ThreadTs, t => t.StartsWith(":tada:", StringComparison.Ordinal)).Count, 1)),
            Invariant("SQS deleted after effect", DeletedBeforeEffect(posts)),
            Invariant("nothing in flight", $"{Left(env.QueueUrl)}{Left(dlq)}"),
            Invariant("no lock left", string.Join("; ", env.ServiceLocks.Select(Held))),
            Invariant("no unhandled exception", string.Join("; ", unexplained.Take(3))),
            Invariant("connections at baseline", env.Slack.OpenConnections == FaultRun.Connections ? "" : $"{env.Slack.OpenConnections} open"),
            Invariant("memory at baseline", memory is { } m && m.After - m.Baseline > MemoryMargin ? $"heap grew {(m.After - m.Baseline) / 1024 / 1024} MB" : ""),
        ];
    }

    /// <summary>Each step's final line in the release's status message (the message its tag names), once; what is
    /// missing or repeated.</summary>
    private IEnumerable<string> StepsMissing(string ts)
    {
        var statusTs = env.Aws.Executions.FirstOrDefault(e => Tagged(e.Tags, ts))?.Tags.GetValueOrDefault(Core.Flow.Releases.ExecutionTags.StatusTs);
        var status = env.Slack.Thread(SandboxPeople.DeployChannel, ts).FirstOrDefault(m => m.Ts == statusTs);
        if (status is null)
        {
            return ["no status message"];
        }

        var lines = status.Text.Split('\n');
        var missing = StepLines
            .Select(step => (Step: step, N: lines.Count(l => l.StartsWith(step + " (", StringComparison.Ordinal))))
            .Where(x => x.N != 1).Select(x => $"'{x.Step}'×{x.N}").ToList();
        // What the message says instead, so a failure can be read without the run's thread.
        return missing.Count == 0 ? missing : [.. missing, $"(message {status.Ts}: '{(status.Text.Length > 160 ? status.Text[..160] + "…" : status.Text)}')"];
    }

    private string DecisionOnPrompt(string ts) =>
        env.Slack.Thread(SandboxPeople.DeployChannel, ts).Count(m => m.IsBot && m.EphemeralFor is null && m.Text.Contains("Approved by", StringComparison.Ordinal)) == 1
            ? "" : "approval outcome not on the prompt";

    private static InvariantResult PerRelease(string name, IReadOnlyList<ReleaseRecord> releases, Func<ReleaseRecord, string> broken) =>
        Invariant(name, string.Join("; ", releases.Select(r => (r.Version, Why: broken(r))).Where(x => x.Why.Length > 0).Select(x => $"{x.Version}: {x.Why}")));

    private static InvariantResult Invariant(string name, string detail) => new(name, detail.Length == 0, detail);

    private static string Count(int actual, int expected) => actual == expected ? "" : $"{actual}, expected {expected}";

    private static bool Tagged(IReadOnlyDictionary<string, string> tags, string ts) =>
        tags.TryGetValue(Core.Flow.Releases.ExecutionTags.Thread, out var thread) && thread == $"{SandboxPeople.DeployChannel}/{ts}";

    // Every release ended: a lock still in the table would refuse the next deploy until a takeover (StartGrace).
    private static string Held(IReadOnlyDictionary<string, string> item) =>
        $"{item.GetValueOrDefault("LockKey")} held by {item.GetValueOrDefault("Requester")} for {item.GetValueOrDefault("EventId")} (execution {item.GetValueOrDefault("ExecutionId", "none")})";

    private string Left(string queueUrl) => env.Aws.Messages(queueUrl) is { Count: > 0 } left ? $"{left.Count} left on {queueUrl}. " : "";

    /// <summary>Every deleted message that announced a finished release had its result posted before the delete. (A
    /// finished step's effect is a status edit, coalesced and possibly later than the delete: what makes it safe is
    /// the final edit, which reads every step from SSM; "every step in the status message" checks that.)</summary>
    private string DeletedBeforeEffect(IReadOnlyList<SlackApiCall> posts)
    {
        var broken = new List<string>();
        foreach (var call in env.Aws.Calls.Where(c => c.Operation == "DeleteMessageBatch" && c.StatusCode == 200))
        {
            foreach (var entry in call.Json().GetProperty("Entries").EnumerateArray())
            {
                if (env.Aws.BodyOfReceipt(entry.GetProperty("ReceiptHandle").GetString() ?? "") is not { } body || Effect(body) is not { } effect)
                {
                    continue;
                }

                var ts = env.Aws.Executions.FirstOrDefault(e => e.Id == effect.ExecutionId)?.Tags.GetValueOrDefault(Core.Flow.Releases.ExecutionTags.Thread)?.Split('/')[^1];
                var first = posts.FirstOrDefault(p => p.Arguments["thread_ts"]?.ToString() == ts && (p.Arguments["text"]?.ToString() ?? "").Contains(effect.Text, StringComparison.Ordinal));
                if (first is null || first.Time > call.Time)
                {
                    broken.Add($"'{effect.Text}' deleted {(first is null ? "without its post" : "before its post")}");
                }
            }
        }

        return string.Join("; ", broken.Distinct(StringComparer.Ordinal).Take(3));
    }

    private static (string ExecutionId, string Text)? Effect(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (!json.RootElement.TryGetProperty("detail", out var detail) || detail.ValueKind != JsonValueKind.Object
                || detail.GetProperty("Status").GetString() != "Success")
            {
                return null;
            }

            if (detail.TryGetProperty("Action", out var action) && action.GetString() == "aws:approve")
            {
                return null;
            }

            var id = detail.GetProperty("ExecutionId").GetString() ?? "";
            return detail.TryGetProperty("StepName", out _) ? null : (id, ":tada:");
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
