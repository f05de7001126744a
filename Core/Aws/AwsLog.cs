using Microsoft.Extensions.Logging;

namespace SocketDeployer.Core.Aws;

internal static partial class AwsLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning,
        Message = "AWS {Service} {Operation} failed transiently ({Reason}); retry {Attempt} of {MaxRetries} after {WaitedSeconds:0.##} s")]
    public static partial void Retrying(ILogger logger, string service, string operation, int attempt, int maxRetries, double waitedSeconds, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "AWS {Service} {Operation} attempt {Attempt} failed ({Reason})")]
    public static partial void AttemptFailed(ILogger logger, string service, string operation, int attempt, string reason);
}
