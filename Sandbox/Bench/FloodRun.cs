using System.Globalization;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>Issue 12's flood, as a user would try it: mistyped commands sent at once by one person, then a real
/// release from another, with Slack's rate limits on. What counts is how soon the release's start reply shows.</summary>
internal sealed class FloodRun(SandboxEnvironment env, TimeProvider time)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private SlackWorkspace Slack => env.Slack;

    /// <param name="ToStartReply">From the deploy mention to the Web API call that posted its start reply.</param>
    /// <param name="FloodPosts">chat.postMessage calls the flood's threads cost (refusals and the slow-down).</param>
    public sealed record Result(int Flood, TimeSpan ToStartReply, int FloodPosts, int RateLimited, bool Finished);

    public async Task<Result> RunAsync(int flood, string service)
    {
        Slack.EnforceRateLimits(true);
        try
        {
            var callsBefore = Slack.Calls.Count;
            var threads = await Task.WhenAll(Enumerable.Range(0, flood).Select(i => Slack.PostUserMessageAsync(
                DeployChannel, Dave, string.Create(CultureInfo.InvariantCulture, $"<@{Slack.BotUserId}> ship {service} r-{i}.0.0"))));
            var mentioned = time.GetUtcNow();
            var ts = await Slack.PostUserMessageAsync(DeployChannel, Alice, $"<@{Slack.BotUserId}> run deploy {service} r-2.0.0");
            var reply = await Slack.WaitForCallAsync(c => c.Method == "chat.postMessage" && c.Ok && ThreadOf(c) == ts, Wait);
            var finished = await Poll.UntilAsync(
                () => Slack.Messages(DeployChannel).Any(m => m.IsBot && m.ThreadTs == ts && m.Text.StartsWith(":tada:", StringComparison.Ordinal)),
                Wait, TimeSpan.FromMilliseconds(100), time);
            await Poll.QuietAsync(() => Slack.Calls.Count, TimeSpan.FromSeconds(3), Wait, time);

            var made = Slack.Calls.Skip(callsBefore).ToList();
            var floodThreads = threads.ToHashSet(StringComparer.Ordinal);
            var floodPosts = made.Count(c => c.Method == "chat.postMessage" && c.Ok && ThreadOf(c) is { } t && floodThreads.Contains(t));
            return new Result(flood, reply.Time - mentioned, floodPosts, made.Count(c => c.HttpStatus == 429), finished);
        }
        finally
        {
            Slack.EnforceRateLimits(false);
        }
    }

    private static string? ThreadOf(SlackApiCall call) => call.Arguments["thread_ts"]?.GetValue<string>();
}
