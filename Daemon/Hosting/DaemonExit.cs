namespace SocketDeployer.Daemon.Hosting;

/// <summary>Exit codes of design.md and the code a worker chose when it stopped the host.</summary>
internal sealed class DaemonExit
{
    public const int Clean = 0;
    public const int BadConfiguration = 1;
    public const int RuntimeFailure = 2;

    public int Code { get; private set; } = Clean;

    /// <summary>What the first failure was, in one line, when the worker that failed said so.</summary>
    public string? Reason { get; private set; }

    public void Fail(int code, string? reason = null)
    {
        if (Code == Clean)
        {
            Code = code;
            Reason = reason;
        }
    }
}
