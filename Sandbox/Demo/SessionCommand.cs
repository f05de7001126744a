using SocketDeployer.Sandbox.Environment;

namespace SocketDeployer.Sandbox.Demo;

/// <summary><c>dotnet run --project Sandbox</c>: the Sandbox, the daemon with the shipped configuration, the scripted
/// session and the audit log it left.</summary>
internal static class SessionCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0)
        {
            return SandboxHelp.Unknown(args[0], "demo");
        }

        await using var env = await SandboxEnvironment.StartAsync(documents: ScriptedSession.RegisterDocuments);
        env.Aws.RunAutomations(env.QueueUrl);
        Console.WriteLine($"SocketDeployer Sandbox: Slack workspace {env.Slack.ApiBaseUrl} · AWS (SSM, SQS) {env.Aws.ServiceUrl}");
        Console.WriteLine($"Running the daemon with {SandboxEnvironment.ShippedConfig}; only endpoints, tokens and the audit log are overridden.");
        Console.WriteLine("Each thread below is printed as Slack shows it: the message that asked, then its replies (│).");
        Console.WriteLine("The first reply is the release's status message, edited in place as the release moves: it shows its final state.");
        await using var daemon = DaemonInstance.Start(env, configure: null, "--Logging:LogLevel:Default=Warning");
        await Task.WhenAny(env.Slack.WaitForConnectionsAsync(2, TimeSpan.FromSeconds(30)), daemon.Exit);
        if (daemon.Exit.IsCompleted)
        {
            Console.Error.WriteLine($"The daemon stopped with exit code {await daemon.Exit}.");
            return 2;
        }

        await new ScriptedSession(env, Console.Out).RunAsync();
        Console.WriteLine();
        Console.WriteLine($"Audit log ({env.AuditLogPath}):");
        foreach (var line in await File.ReadAllLinesAsync(env.AuditLogPath))
        {
            Console.WriteLine($"  {line}");
        }

        var code = await daemon.StopAsync();
        Console.WriteLine($"Daemon stopped cleanly (exit {code}).");
        return code;
    }
}
