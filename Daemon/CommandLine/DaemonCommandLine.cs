using SocketDeployer.Daemon.Verbs;

namespace SocketDeployer.Daemon.CommandLine;

/// <summary>The verbs of design.md "Running".</summary>
internal enum Verb
{
    Run,
    CheckConfig,
    Gate,
    Version,
    Help,
}

/// <summary>What the command line asked for; arguments it does not own go on to configuration (<c>--Section:Key=value</c>).</summary>
internal sealed record DaemonCommandLine(Verb Verb, string ConfigPath, bool Online, string[] ConfigurationArgs, string? Error)
{
    /// <summary>For <c>gate</c>: the service, summary, link, requester and timeout.</summary>
    public GateArguments? Gate { get; init; }

    public static string DefaultConfigPath => Path.Combine(AppContext.BaseDirectory, "appsettings.json");

    public static DaemonCommandLine Parse(IReadOnlyList<string> args)
    {
        var verb = Verb.Run;
        var config = DefaultConfigPath;
        var online = false;
        var rest = new List<string>();
        var gate = new List<string>();
        var start = 0;
        if (args.Count > 0)
        {
            switch (args[0])
            {
                case "run": verb = Verb.Run; start = 1; break;
                case "check-config": verb = Verb.CheckConfig; start = 1; break;
                case "gate": verb = Verb.Gate; start = 1; break;
                case "--version" or "version": return new(Verb.Version, config, false, [], null);
                case "--help" or "-h" or "help": return new(Verb.Help, config, false, [], null);
            }
        }

        for (var i = start; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--config")
            {
                if (i + 1 >= args.Count)
                {
                    return new(verb, config, online, [], "--config needs a path");
                }

                config = Path.GetFullPath(args[++i]);
            }
            else if (arg.StartsWith("--config=", StringComparison.Ordinal))
            {
                config = Path.GetFullPath(arg["--config=".Length..]);
            }
            else if (arg == "--online" && verb == Verb.CheckConfig)
            {
                online = true;
            }
            else if (verb == Verb.Gate && GateArguments.Options.Contains(arg.Split('=')[0]))
            {
                gate.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
                {
                    gate.Add(args[++i]);
                }
            }
            else if (verb == Verb.Gate && !arg.StartsWith('-'))
            {
                gate.Add(arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal))
            {
                rest.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
                {
                    rest.Add(args[++i]);
                }
            }
            else
            {
                return new(verb, config, online, [], $"unknown argument '{arg}'");
            }
        }

        if (verb == Verb.Gate)
        {
            return GateArguments.TryParse(gate, out var parsed) is { } error
                ? new(verb, config, online, [], error)
                : new(verb, config, online, [.. rest], null) { Gate = parsed };
        }

        return new(verb, config, online, [.. rest], null);
    }

    public const string Usage = """
        Usage:
          socketdeployer [run] [--config PATH] [--Section:Key=value ...]
          socketdeployer check-config [--config PATH] [--online]
          socketdeployer gate <service> --summary TEXT [--link URL] [--requested-by ID|EMAIL] [--timeout T] [--config PATH]
          socketdeployer --version
        PATH defaults to appsettings.json beside the executable. Environment variables (Section__Key)
        and files in $CREDENTIALS_DIRECTORY (named like Slack__BotToken) override the file.
        Exit codes: 0 clean stop, 1 bad configuration, 2 runtime failure.
        gate starts the Deploy:Gate document and waits for the decision in Slack (no Slack token needed; AWS
        credentials from the SDK's default chain; T like 30m, 1h30m). It prints who decided and exits
        0 approved, 1 rejected, 3 timed out or cancelled (or stopped waiting on Ctrl-C/SIGTERM), 2 on an error.
        """;
}
