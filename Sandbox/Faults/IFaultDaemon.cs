namespace SocketDeployer.Sandbox.Faults;

/// <summary>A running daemon a fault run can stop, kill and read errors from.</summary>
public interface IFaultDaemon : IAsyncDisposable
{
    /// <summary>Whether it has stopped.</summary>
    bool HasExited { get; }

    /// <summary>Error logs with an exception so far.</summary>
    IReadOnlyList<DaemonError> Errors { get; }

    /// <summary>What it printed (a process), for diagnostics.</summary>
    string Output { get; }

    /// <summary>Stops it as SIGTERM does and returns the exit code.</summary>
    Task<int> StopAsync(TimeSpan timeout);

    /// <summary>Stops it with no chance to clean up (SIGKILL).</summary>
    Task KillAsync();
}
