using Microsoft.Extensions.DependencyInjection;
using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Hosting;
using SocketDeployer.Daemon.Verbs;

namespace SocketDeployer.Sandbox.Environment;

/// <summary>The real daemon (<c>socketdeployer run</c>, the same code path as the executable) running in this process.</summary>
public sealed class DaemonInstance : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();

    private DaemonInstance(IReadOnlyList<string> args, Action<IServiceCollection>? configure)
    {
        var commandLine = DaemonCommandLine.Parse(args);
        Exit = Task.Run(() => RunVerb.RunAsync(commandLine, configure, stop.Token));
    }

    /// <summary>Completes with the exit code the executable would return.</summary>
    public Task<int> Exit { get; }

    /// <summary>Starts the daemon against the environment; <paramref name="configure"/> may add test observers (never replace behaviour).</summary>
    public static DaemonInstance Start(SandboxEnvironment environment, Action<IServiceCollection>? configure = null, params string[] extraArguments)
    {
        return new DaemonInstance([.. environment.DaemonArguments(), .. extraArguments], services =>
        {
            environment.AddAwsCredentials(services);
            // The heap release is for a daemon that is its own process: here it would compact the whole host
            // process's heap, every other fixture's included, at each start.
            services.Remove(services.Single(d => d.ImplementationType == typeof(HeapRelease)));
            configure?.Invoke(services);
        });
    }

    /// <summary>As SIGTERM does: stop, and return the exit code.</summary>
    public async Task<int> StopAsync()
    {
        await stop.CancelAsync();
        return await Exit;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Exit.IsCompleted)
        {
            await StopAsync();
        }

        stop.Dispose();
    }
}
