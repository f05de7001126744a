namespace SocketDeployer.Daemon.CommandLine;

/// <summary>The verbs of design.md "Running".</summary>
internal enum Verb
{
    Run,
    CheckConfig,
    Version,
    Help,
}

/// <summary>What the command line asked for; arguments it does not own go on to configuration (<c>--Section:Key=value</c>).</summary>
internal sealed record DaemonCommandLine(Verb Verb, string ConfigPath, bool Online, string[] ConfigurationArgs, string? Error)
{
    public static string DefaultConfigPath => Path.Combine(AppContext.BaseDirectory, "appsettings.json");

    public static DaemonCommandLine Parse(IReadOnlyList<string> args)
    {
        var verb = Verb.Run;
        var config = DefaultConfigPath;
        var online = false;
        var rest = new List<string>();
        var start = 0;
        if (args.Count > 0)
        {
            switch (args[0])
            {
                case "run": verb = Verb.Run; start = 1; break;
                case "check-config": verb = Verb.CheckConfig; start = 1; break;
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

        return new(verb, config, online, [.. rest], null);
    }

    public const string Usage = """
        Usage:
          socketdeployer [run] [--config PATH] [--Section:Key=value ...]
          socketdeployer check-config [--config PATH] [--online]
          socketdeployer --version
        PATH defaults to appsettings.json beside the executable. Environment variables (Section__Key)
        and files in $CREDENTIALS_DIRECTORY (named like Slack__BotToken) override the file.
        Exit codes: 0 clean stop, 1 bad configuration, 2 runtime failure.
        """;
}
