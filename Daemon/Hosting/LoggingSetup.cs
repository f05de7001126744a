using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using SocketDeployer.Daemon.Systemd;

namespace SocketDeployer.Daemon.Hosting;

internal static class LoggingSetup
{
    /// <summary>systemd's console format (priority prefixes the journal understands) under systemd; one line per entry otherwise.</summary>
    public static ILoggingBuilder AddDaemonLogging(this ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.AddConfiguration(configuration.GetSection("Logging"));
        if (SystemdEnvironment.FromProcess().UsesSystemdLogFormat(SystemdHelpers.IsSystemdService()))
        {
            logging.AddSystemdConsole(o => o.UseUtcTimestamp = true);
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
                o.ColorBehavior = LoggerColorBehavior.Disabled;
            });
        }

        return logging;
    }
}
