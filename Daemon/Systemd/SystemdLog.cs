using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Time;

namespace SocketDeployer.Daemon.Systemd;

internal static partial class SystemdLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Debug, Message = "Could not notify systemd of {Key}")]
    public static partial void NotifyFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Ready: told systemd READY=1")]
    public static partial void Ready(ILogger logger);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "The daemon's loops are not making progress; withholding the systemd watchdog ping (systemd restarts the service after WatchdogSec)")]
    public static partial void Stalled(ILogger logger);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Information, Message = "The daemon's loops are making progress again; resuming watchdog pings")]
    public static partial void Recovered(ILogger logger);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Debug, Message = "systemd integration: notify socket {Enabled}, watchdog interval {WatchdogInterval}")]
    public static partial void Started(ILogger logger, bool enabled, HumanDuration? watchdogInterval);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Error, Message = "A systemd probe failed")]
    public static partial void ProbeFailed(ILogger logger, Exception exception);
}
