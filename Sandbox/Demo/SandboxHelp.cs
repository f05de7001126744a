namespace SocketDeployer.Sandbox.Demo;

/// <summary><c>dotnet run --project Sandbox -- help</c>: what the Sandbox can do.</summary>
internal static class SandboxHelp
{
    public const string Text = """
        SocketDeployer Sandbox: a Slack workspace and an AWS endpoint (SSM, SQS) on loopback, with the real daemon
        connected to them. Nothing leaves the machine.

        Usage: dotnet run --project Sandbox [-- COMMAND [OPTIONS]]

        Commands:
          (none), demo   The scripted session: a team's releases in #prod-deployments (a refusal, an approval,
                         a rejection, two approvals and a failure, a cancel, status, history, a plan, a
                         rollback), each thread printed as Slack shows it, then the audit log. About 15 seconds.
          faults         Whole releases through every injected fault (Slack, AWS, the process), then a table
                         of what held.  Options: --releases N, --only NAME[,NAME...]
          bench          The published daemon as its own process beside a Bolt app; one table of figures.
                         Run it with -c Release.  Options: --quick, --no-bolt, --out FILE.md, and more
          web            The Sandbox behind a Slack-like page in your browser, until Ctrl-C.
                         Options: --config PATH, --port N
          help           This text (also --help, -h).

        Examples:
          dotnet run --project Sandbox
          dotnet run --project Sandbox -- faults --releases 1 --only slack-socket-silent
          dotnet run -c Release --project Sandbox -- bench --quick
          dotnet run --project Sandbox -- web --port 5080
        """;

    public static bool IsHelp(string verb) => verb is "help" or "--help" or "-h";

    /// <summary>Prints the help; exit 0.</summary>
    public static int Print()
    {
        Console.WriteLine(Text);
        return 0;
    }

    /// <summary>An unknown command: says so and prints the help, to stderr; exit 2 (a usage error).</summary>
    public static int Unknown(string verb, string? command = null)
    {
        Console.Error.WriteLine(command is null ? $"Unknown command '{verb}'." : $"Unknown argument '{verb}' for {command}.");
        Console.Error.WriteLine();
        Console.Error.WriteLine(Text);
        return 2;
    }
}
