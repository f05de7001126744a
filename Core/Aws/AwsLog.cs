using Microsoft.Extensions.Logging;

namespace SocketDeployer.Core.Aws;

internal static partial class AwsLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning,
        Message = "AWS {Service} {Operation} failed transiently ({Reason}); retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string service, string operation, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "AWS {Service} {Operation} answered {Code} ({StatusCode})")]
    public static partial void Failed(ILogger logger, string service, string operation, string code, int statusCode);
}
