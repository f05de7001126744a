using System.Globalization;

namespace SocketDeployer.Daemon.Systemd;

/// <summary>
/// What systemd told this process about its watchdog (<c>WATCHDOG_USEC</c>, <c>WATCHDOG_PID</c>) and about where
/// its output goes (<c>INVOCATION_ID</c>, <c>JOURNAL_STREAM</c>). The notify socket itself is the concern of
/// <see cref="Microsoft.Extensions.Hosting.Systemd.SystemdNotifier"/>, which reads <c>NOTIFY_SOCKET</c>.
/// </summary>
/// <param name="WatchdogUsec">The raw <c>WATCHDOG_USEC</c>: the service's WatchdogSec in microseconds.</param>
/// <param name="WatchdogPid">The raw <c>WATCHDOG_PID</c>: the process systemd expects pings from, when set.</param>
/// <param name="ProcessId">This process's id, compared with <paramref name="WatchdogPid"/>.</param>
/// <param name="InvocationId">The raw <c>INVOCATION_ID</c> systemd gives every service it starts.</param>
/// <param name="JournalStream">The raw <c>JOURNAL_STREAM</c>, set when standard output goes to the journal.</param>
internal sealed record SystemdEnvironment(
    string? WatchdogUsec, string? WatchdogPid, int ProcessId, string? InvocationId = null, string? JournalStream = null)
{
    /// <summary>Reads the current process's environment.</summary>
    public static SystemdEnvironment FromProcess() => new(
        Environment.GetEnvironmentVariable("WATCHDOG_USEC"),
        Environment.GetEnvironmentVariable("WATCHDOG_PID"),
        Environment.ProcessId,
        Environment.GetEnvironmentVariable("INVOCATION_ID"),
        Environment.GetEnvironmentVariable("JOURNAL_STREAM"));

    /// <summary>
    /// Whether logs should use systemd's console format: when <paramref name="isSystemdService"/> (the package's
    /// <see cref="Microsoft.Extensions.Hosting.Systemd.SystemdHelpers.IsSystemdService"/>) says so, or when systemd
    /// left its marks in the environment. The package's fallback reads the parent's /proc entry, which the unit's
    /// <c>ProtectProc=invisible</c> hides on systemd versions that do not set <c>SYSTEMD_EXEC_PID</c>.
    /// </summary>
    public bool UsesSystemdLogFormat(bool isSystemdService) =>
        isSystemdService || !string.IsNullOrEmpty(InvocationId) || !string.IsNullOrEmpty(JournalStream);

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
