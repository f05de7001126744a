using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Refusals;

/// <summary>The one message a person gets in place of their refusals once they come too fast.</summary>
public static class RefusalMessages
{
    public static SlackMessage SlowDown(string user, TimeSpan silence, string helpCommand) =>
        DeployMessages.Plain(
            $":raised_hand: <@{user}>, that is several commands in a row I could not follow. I will not answer the next ones for {Describe(silence)}; " +
            $"`{helpCommand}` shows what I understand.");

    private static string Describe(TimeSpan span) =>
        span.TotalMinutes >= 1 && span.Seconds == 0
            ? $"{(int)span.TotalMinutes} minute{(span.TotalMinutes >= 2 ? "s" : "")}"
            : $"{(int)Math.Ceiling(span.TotalSeconds)} seconds";
}
