using System.Globalization;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>Whole releases through the daemon, as people run them: mention, start, prompt, click, result.</summary>
internal sealed class ReleaseRuns(SandboxEnvironment env, TimeProvider time)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private SlackWorkspace Slack => env.Slack;

    public sealed record Sequential(Latencies ToStart, Latencies ToStartReply, Latencies ClickToSignal, double CallsPerRelease, string CallsByMethod, double PostsPerRelease);

    /// <param name="PostsPerRelease">Successful chat.postMessage calls per release (a 429 posts nothing).</param>
    public sealed record Concurrent(int Releases, int Finished, int Calls, int RateLimited, double CallsPerRelease, TimeSpan Took, string CallsByMethod, double PostsPerRelease);

    /// <summary>Releases of <c>app</c> one after another (its deploy lock allows one at a time); Bob approves each.</summary>
    public async Task<Sequential> RunSequentialAsync(int count)
    {
        List<double> toStart = [], toReply = [], toSignal = [], calls = [];
        var methods = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var callsBefore = Slack.Calls.Count;
            var mentioned = time.GetUtcNow();
            var ts = await Slack.PostUserMessageAsync(DeployChannel, Alice, string.Create(CultureInfo.InvariantCulture, $"<@{Slack.BotUserId}> run deploy app r-9.{i}.0"));
            var start = await Poll.UntilAsync(
                () => env.Aws.Calls.FirstOrDefault(c => c.Operation == "StartAutomationExecution" && c.Body.Contains(ts, StringComparison.Ordinal)), Wait, time, "StartAutomationExecution");
            var reply = await Slack.WaitForCallAsync(c => c.Method == "chat.postMessage" && ThreadOf(c) == ts, Wait);
            toStart.Add((start.Time - mentioned).TotalMilliseconds);
            toReply.Add((reply.Time - mentioned).TotalMilliseconds);

            var prompt = await Slack.WaitForMessageAsync(
                m => m.IsBot && m.ThreadTs == ts && m.Blocks?.ToJsonString().Contains(ApprovalMessages.ApproveAction, StringComparison.Ordinal) == true, Wait);
            var execution = env.Aws.Executions.Last(e => e.Tags.TryGetValue("socketdeployer:thread", out var t) && t.EndsWith(ts, StringComparison.Ordinal));
            var clicked = time.GetUtcNow();
            await Slack.ClickButtonAsync(Bob, DeployChannel, prompt.Ts, ApprovalMessages.ApproveAction, ApprovalMessages.ButtonValue(execution.Id, "approve"));
            var signal = await Poll.UntilAsync(
                () => env.Aws.Calls.FirstOrDefault(c => c.Operation == "SendAutomationSignal" && c.Body.Contains(execution.Id, StringComparison.Ordinal)), Wait, time, "SendAutomationSignal");
            toSignal.Add((signal.Time - clicked).TotalMilliseconds);

            await Slack.WaitForMessageAsync(m => m.IsBot && m.ThreadTs == ts && m.Text.StartsWith(":tada:", StringComparison.Ordinal), Wait);
            await Poll.QuietAsync(() => Slack.Calls.Count, TimeSpan.FromMilliseconds(500), Wait, time);
            var made = Slack.Calls.Skip(callsBefore).ToList();
            calls.Add(made.Count);
            foreach (var call in made)
            {
                methods[call.Method] = methods.GetValueOrDefault(call.Method) + 1;
            }
        }

        return new Sequential(new(toStart), new(toReply), new(toSignal), calls.Average(), ByMethod(methods, count), methods.GetValueOrDefault("chat.postMessage") / (double)count);
    }

    /// <summary><paramref name="count"/> releases of different services asked for at once in one channel, with Slack's rate limits on.</summary>
    public async Task<Concurrent> RunConcurrentAsync(int count, TimeSpan timeout)
    {
        Slack.EnforceRateLimits(true);
        try
        {
            var callsBefore = Slack.Calls.Count;
            var started = time.GetTimestamp();
            var threads = await Task.WhenAll(Enumerable.Range(0, count).Select(i => Slack.PostUserMessageAsync(
                DeployChannel, Alice, $"<@{Slack.BotUserId}> run deploy {BenchCatalog.Service(i)} r-1.0.0")));
            await Poll.UntilAsync(() => Finished(threads) == count, timeout, TimeSpan.FromMilliseconds(100), time);
            var took = time.GetElapsedTime(started);
            await Poll.QuietAsync(() => Slack.Calls.Count, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), time);
            var made = Slack.Calls.Skip(callsBefore).ToList();
            var methods = made.GroupBy(c => c.HttpStatus == 429 ? c.Method + " (429)" : c.Method).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var limited = made.Count(c => c.HttpStatus == 429);
            var posts = made.Count(c => c.Method == "chat.postMessage" && c.Ok);
            return new Concurrent(count, Finished(threads), made.Count, limited, (made.Count - limited) / (double)count, took, ByMethod(methods, count), posts / (double)count);
        }
        finally
        {
            Slack.EnforceRateLimits(false);
        }
    }

    private int Finished(IEnumerable<string> threads)
    {
        var done = Slack.Messages(DeployChannel).Where(m => m.IsBot && m.Text.StartsWith(":tada:", StringComparison.Ordinal)).Select(m => m.ThreadTs).ToHashSet(StringComparer.Ordinal);
        return threads.Count(done.Contains);
    }

    private static string? ThreadOf(SlackApiCall call) => call.Arguments["thread_ts"]?.GetValue<string>();

    private static string ByMethod(Dictionary<string, int> methods, int releases) => string.Join(", ", methods
        .OrderByDescending(m => m.Value)
        .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value / (double)releases:0.#}")));
}
