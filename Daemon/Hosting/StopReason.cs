using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Slack;
using SocketDeployer.Daemon.Diagnostics;

namespace SocketDeployer.Daemon.Hosting;

/// <summary>One line for the error a daemon stops on: the troubleshooting hint when we know one, never a stack trace.</summary>
internal static class StopReason
{
    public static string Describe(Exception e) => e switch
    {
        SlackApiException slack => TroubleshootingHints.ForSlack(slack),
        AwsException aws => TroubleshootingHints.ForAws(aws),
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
