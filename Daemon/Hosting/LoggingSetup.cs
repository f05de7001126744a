using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace SocketDeployer.Daemon.Hosting;

internal static class LoggingSetup
{
    /// <summary>systemd's console format (priority prefixes the journal understands) under systemd; one line per entry otherwise.</summary>
    public static ILoggingBuilder AddDaemonLogging(this ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.AddConfiguration(configuration.GetSection("Logging"));
        // The host logs a failed worker with its stack trace and advice to ignore such failures; RunVerb says what
        // stopped, in its own words (StopReason), and exits 2. Its start/stop notes are Debug only.
        logging.AddFilter(HostCategory, LogLevel.None);
        if (UnderSystemd)
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

    /// <summary>The category of the generic host's own log.</summary>
    public const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    public static bool UnderSystemd =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("INVOCATION_ID"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JOURNAL_STREAM"));
}
