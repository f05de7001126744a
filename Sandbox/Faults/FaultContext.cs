using SocketDeployer.Sandbox.Environment;

namespace SocketDeployer.Sandbox.Faults;

/// <summary>What a scenario sees when it injects its fault: the Sandbox, the release under way, the daemons.</summary>
public sealed class FaultContext
{
    private readonly Func<IFaultDaemon> _startDaemon;
    private readonly List<IFaultDaemon> _daemons;

    internal FaultContext(SandboxEnvironment env, TimeProvider time, List<IFaultDaemon> daemons, Func<IFaultDaemon> startDaemon)
    {
        Env = env;
        Time = time;
        _daemons = daemons;
        _startDaemon = startDaemon;
    }

    /// <summary>The Sandbox (Slack workspace and AWS endpoint).</summary>
    public SandboxEnvironment Env { get; }

    /// <summary>The clock faults are timed with.</summary>
    public TimeProvider Time { get; }

    /// <summary>The thread of the release under way (null before the request).</summary>
    public string? ThreadTs { get; internal set; }

    /// <summary>Its execution id, once started.</summary>
    public string? ExecutionId { get; internal set; }

    /// <summary>What undoes a fault the way the real system eventually would (e.g. Slack dropping a half-open link); run before the invariants are read.</summary>
    public IList<Func<Task>> Heals { get; } = [];

    /// <summary>The daemon that was started first and still runs.</summary>
    public IFaultDaemon Daemon => _daemons.First(d => !d.HasExited);

    /// <summary>Starts one more daemon like the first and waits until its connections are open too.</summary>
    public async Task<IFaultDaemon> StartAnotherDaemonAsync()
    {
        var expected = Env.Slack.OpenConnections + FaultRun.Connections;
        var daemon = _startDaemon();
        _daemons.Add(daemon);
        await Env.Slack.WaitForConnectionsAsync(expected, FaultRun.StepTimeout);
        return daemon;
    }
}
