using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Time;

namespace SocketDeployer.Core.Slack;

/// <summary>Log events of <see cref="SlackApi"/>; never carries tokens or request headers.</summary>
internal static partial class SlackApiLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Slack {Method} failed transiently ({Reason}); attempt {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string method, string reason, int attempt, HumanDuration delay);

    // The reason, not the exception: a network fault is one line, not a stack trace.
    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Slack {Method} gave up after retries ({Reason})")]
    public static partial void GaveUp(ILogger logger, string method, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Slack {Method} gave up after retries: HTTP {StatusCode}")]
    public static partial void GaveUpStatus(ILogger logger, string method, int statusCode);
}
