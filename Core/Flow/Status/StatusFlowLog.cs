using Microsoft.Extensions.Logging;

namespace SocketDeployer.Core.Flow.Status;

internal static partial class StatusFlowLog
{
    [LoggerMessage(EventId = 2500, Level = LogLevel.Debug, Message = "Answered {Command} from {User}")]
    public static partial void Answered(ILogger logger, string command, string user);

    [LoggerMessage(EventId = 2501, Level = LogLevel.Warning, Message = "Could not answer {Command} from {User}: {Code}")]
    public static partial void Failed(ILogger logger, Exception exception, string command, string user, string code);
}
