using System.Globalization;
using System.Runtime.InteropServices;

namespace SocketDeployer.Sandbox.Web;

/// <summary>
/// <c>dotnet run --project Sandbox -- web [--config PATH] [--port N]</c>: the Sandbox and the real daemon behind a
/// Slack-like page on loopback, until Ctrl-C.
/// </summary>
public static class WebCommand
{
    public const string Usage = "dotnet run --project Sandbox -- web [--config PATH] [--port N]";

    /// <summary>Runs until SIGINT or SIGTERM; 0 after a clean stop, 1 for bad arguments, 2 when the daemon would not run.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (Parse(args) is not { } options)
            return 1;
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        WebSandbox sandbox;
        try
        {
            sandbox = await WebSandbox.StartAsync(options);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        await using (sandbox)
        {
            Console.WriteLine($"Running the daemon with {sandbox.Catalog.Path}; only endpoints, tokens and the audit log are overridden.");
            Console.WriteLine($"Sandbox web: {sandbox.Url}");
            Console.WriteLine("Open it in a browser; Ctrl-C stops.");
            await Task.WhenAny(stop.Task, sandbox.Daemon.Exit);
            if (sandbox.Daemon.Exit.IsCompleted && !stop.Task.IsCompleted)
            {
                Console.Error.WriteLine($"The daemon stopped with exit code {await sandbox.Daemon.Exit}.");
                await sandbox.StopAsync();
                return 2;
            }

            var code = await sandbox.StopAsync();
            Console.WriteLine($"Daemon stopped cleanly (exit {code}).");
            return code;
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }

    private static WebSandboxOptions? Parse(string[] args)
    {
        string? config = null;
        var port = 0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--config" when i + 1 < args.Length:
                    config = args[++i];
                    break;
                case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535:
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"Unexpected argument '{args[i]}'. Usage: {Usage}");
                    return null;
            }
        }

        return new WebSandboxOptions { ConfigPath = config, Port = port };
    }
}
