namespace SocketDeployer.Sandbox.Faults;

public static partial class FaultScenarios
{
    /// <summary>Socket Mode and Web API faults.</summary>
    public static IReadOnlyList<FaultScenario> Slack { get; } =
    [
        Disconnect("warning"),
        Disconnect("refresh_requested"),
        Disconnect("link_disabled"),
        Disconnect("too_many_websockets"),
        new("slack-socket-abort", FaultKind.Slack, FaultPhase.AfterStart, c => c.Env.Slack.AbortConnectionAsync(FirstOpen(c))),
        new("slack-socket-silent", FaultKind.Slack, FaultPhase.AfterStart, c =>
        {
            var index = FirstOpen(c);
            c.Env.Slack.SilenceConnection(index);
            // A half-open link is never noticed from Slack's side of the sandbox; Slack drops it eventually.
            c.Heals.Add(() => c.Env.Slack.OpenConnectionIndexes.Contains(index) ? c.Env.Slack.AbortConnectionAsync(index) : Task.CompletedTask);
            return Task.CompletedTask;
        }),
        new("slack-connections-open-fails", FaultKind.Slack, FaultPhase.AfterStart, c =>
        {
            c.Env.Slack.FailConnectionsOpen("internal_error", 2);
            return c.Env.Slack.AbortConnectionAsync(FirstOpen(c));
        }),
        new("slack-429-retry-after", FaultKind.Slack, FaultPhase.AfterStart, c =>
        {
            c.Env.Slack.FailNext("chat.postMessage", 429, TimeSpan.FromSeconds(1), times: 2);
            return Task.CompletedTask;
        }),
        new("slack-5xx", FaultKind.Slack, FaultPhase.AfterStart, c =>
        {
            c.Env.Slack.FailNext("chat.postMessage", 503, times: 2);
            c.Env.Slack.FailNext("chat.update", 500);
            return Task.CompletedTask;
        }),
        new("slack-slow-answer", FaultKind.Slack, FaultPhase.AfterStart, c =>
        {
            // Past the client's 2 s attempt timeout (tuned down from 15 s).
            c.Env.Slack.SlowNext("chat.postMessage", TimeSpan.FromSeconds(4));
            return Task.CompletedTask;
        }),
        new("slack-mention-redelivered", FaultKind.Slack, FaultPhase.BeforeRequest, c =>
        {
            c.Env.Slack.DuplicateNext("events_api");
            return Task.CompletedTask;
        }),
        new("slack-click-redelivered", FaultKind.Slack, FaultPhase.BeforeApproval, c =>
        {
            c.Env.Slack.DuplicateNext("interactive");
            return Task.CompletedTask;
        }),
    ];

    private static FaultScenario Disconnect(string reason) =>
        new($"slack-disconnect-{reason}", FaultKind.Slack, FaultPhase.AfterStart, c => c.Env.Slack.SendDisconnectAsync(reason, FirstOpen(c)));
}
