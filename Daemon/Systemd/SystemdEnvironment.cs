using System.Globalization;

namespace SocketDeployer.Daemon.Systemd;

/// <summary>
/// What systemd told this process through its environment: where to send notifications
/// (<c>NOTIFY_SOCKET</c>) and how often to ping the watchdog (<c>WATCHDOG_USEC</c>, <c>WATCHDOG_PID</c>).
/// </summary>
/// <param name="NotifySocket">An absolute socket path, or <c>@name</c> for the abstract namespace; null outside systemd.</param>
/// <param name="WatchdogUsec">The raw <c>WATCHDOG_USEC</c>: the service's WatchdogSec in microseconds.</param>
/// <param name="WatchdogPid">The raw <c>WATCHDOG_PID</c>: the process systemd expects pings from, when set.</param>
/// <param name="ProcessId">This process's id, compared with <paramref name="WatchdogPid"/>.</param>
internal sealed record SystemdEnvironment(string? NotifySocket, string? WatchdogUsec, string? WatchdogPid, int ProcessId)
{
    /// <summary>Reads the current process's environment.</summary>
    public static SystemdEnvironment FromProcess() => new(
        Environment.GetEnvironmentVariable("NOTIFY_SOCKET"),
        Environment.GetEnvironmentVariable("WATCHDOG_USEC"),
        Environment.GetEnvironmentVariable("WATCHDOG_PID"),
        Environment.ProcessId);

    /// <summary>
    /// How often to ping the watchdog: half of <c>WATCHDOG_USEC</c>, as sd_watchdog_enabled(3) advises,
    /// so one late ping does not get the service killed. Null when there is no watchdog, when the value
    /// is not a positive integer, or when <c>WATCHDOG_PID</c> names another process (a parent that
    /// exec'd us passed its own environment on).
    /// </summary>
    public TimeSpan? WatchdogInterval
    {
        get
        {
            if (!ulong.TryParse(WatchdogUsec, NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec == 0)
            {
                return null;
            }

            if (!string.IsNullOrEmpty(WatchdogPid)
                && (!int.TryParse(WatchdogPid, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid != ProcessId))
            {
                return null;
            }

            // TimeSpan ticks are 100 ns; clamp absurd values instead of overflowing.
            var halfTicks = Math.Min(usec / 2, (ulong)TimeSpan.MaxValue.Ticks / 10) * 10;
            return TimeSpan.FromTicks((long)halfTicks);
        }
    }
}
