using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Hosting;
using SocketDeployer.Daemon.Verbs;

var commandLine = DaemonCommandLine.Parse(args);
if (commandLine.Error is { } error)
{
    await Console.Error.WriteLineAsync($"socketdeployer: {error}\n{DaemonCommandLine.Usage}");
    // A pipeline reads gate's exit codes: 1 means rejected there, so a bad command line is its error code, 2.
    return commandLine.Verb == Verb.Gate ? GateExit.Error : DaemonExit.BadConfiguration;
}

switch (commandLine.Verb)
{
    case Verb.Version:
        Console.WriteLine(VersionVerb.Text);
        return DaemonExit.Clean;
    case Verb.Help:
        Console.WriteLine(DaemonCommandLine.Usage);
        return DaemonExit.Clean;
    case Verb.CheckConfig:
        return await CheckConfigVerb.RunAsync(commandLine);
    case Verb.Gate:
        return await GateVerb.RunFromConsoleAsync(commandLine);
    default:
        return await RunVerb.RunAsync(commandLine);
}
