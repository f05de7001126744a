namespace SocketDeployer.Daemon.Hosting;

/// <summary>Exit codes of design.md and the code a worker chose when it stopped the host.</summary>
internal sealed class DaemonExit
{
    public const int Clean = 0;
    public const int BadConfiguration = 1;
    public const int RuntimeFailure = 2;

    public int Code { get; private set; } = Clean;

    public void Fail(int code)
    {
        if (Code == Clean)
        {
            Code = code;
        }
    }
}
