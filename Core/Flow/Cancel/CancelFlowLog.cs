using Microsoft.Extensions.Logging;

namespace SocketDeployer.Core.Flow.Cancel;

internal static partial class CancelFlowLog
{
    [LoggerMessage(EventId = 2510, Level = LogLevel.Information, Message = "{User} cancelled {Service} {Version}: execution {ExecutionId}")]
    public static partial void Cancelled(ILogger logger, string user, string service, string version, string executionId);

    [LoggerMessage(EventId = 2511, Level = LogLevel.Warning, Message = "Could not cancel execution {ExecutionId} for {User}: {Code}")]
    public static partial void Failed(ILogger logger, Exception exception, string executionId, string user, string code);

    [LoggerMessage(EventId = 2512, Level = LogLevel.Warning, Message = "Cancelled execution {ExecutionId} but could not say so in its thread {Channel}/{ThreadTs}: {Error}")]
    public static partial void ThreadPostFailed(ILogger logger, string executionId, string channel, string threadTs, string error);
}
