using Microsoft.Extensions.Logging;

namespace SocketDeployer.Core.Slack;

/// <summary>Log events of <see cref="SlackPacing"/>.</summary>
internal static partial class SlackPacingLog
{
    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Refusal not posted in {Channel}: too many refusals already wait for its posting slots ({Shed} shed since start)")]
    public static partial void RefusalShed(ILogger logger, string channel, long shed);
}
