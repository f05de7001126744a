using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Slack;
using SocketDeployer.Sandbox.Environment;

namespace SocketDeployer.Sandbox.Faults;

/// <summary>The daemon in this process, its Slack timeouts shortened so faults heal within a test's time.</summary>
internal sealed class InProcessFaultDaemon : IFaultDaemon
{
    private readonly DaemonInstance _instance;
    private readonly ErrorLogProvider _errors = new();

    private InProcessFaultDaemon(SandboxEnvironment env, IReadOnlyList<string> arguments) =>
        _instance = DaemonInstance.Start(env, Configure, [.. arguments]);

    public bool HasExited => _instance.Exit.IsCompleted;

    public IReadOnlyList<DaemonError> Errors => _errors.Errors;

    public string Output => string.Join('\n', _errors.Errors);

    public static IFaultDaemon Start(SandboxEnvironment env, IReadOnlyList<string> arguments) => new InProcessFaultDaemon(env, arguments);

    public async Task<int> StopAsync(TimeSpan timeout) => await _instance.StopAsync().WaitAsync(timeout);

    // A host in this process cannot be killed without killing the Sandbox with it: kill scenarios run DaemonMode.Process.
    public Task KillAsync() => throw new NotSupportedException("An in-process daemon cannot be killed; use DaemonMode.Process.");

    public ValueTask DisposeAsync() => _instance.DisposeAsync();

    private void Configure(IServiceCollection services)
    {
        services.AddLogging(logging => logging.AddProvider(_errors));
        // SocketModeOptions and SlackApiResilienceOptions are not bound to configuration: tune them through DI.
        services.Configure<SocketModeOptions>(o =>
        {
            o.HelloTimeout = TimeSpan.FromSeconds(5);
            o.KeepAliveInterval = TimeSpan.FromSeconds(1);
            o.KeepAliveTimeout = TimeSpan.FromSeconds(2);
            o.ReconnectBaseDelay = TimeSpan.FromMilliseconds(200);
            o.ReconnectMaxDelay = TimeSpan.FromSeconds(2);
            o.SlowRetryDelay = TimeSpan.FromSeconds(3);
        });
        services.Configure<SlackApiResilienceOptions>(o =>
        {
            o.BaseDelay = TimeSpan.FromMilliseconds(200);
            o.MaxDelay = TimeSpan.FromSeconds(2);
            o.MaxRetryAfter = TimeSpan.FromSeconds(3);
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
        });
    }
}
