using SocketDeployer.Sandbox.Bench;
using SocketDeployer.Sandbox.Demo;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Faults;

// dotnet run --project Sandbox [-- demo]: a local Slack workspace and AWS endpoint, the real daemon, a scripted session.
// dotnet run --project Sandbox -- faults [--releases N]: whole releases through every fault, as a table.
// dotnet run -c Release --project Sandbox -- bench: the published daemon beside a Bolt app, one table of figures.
var verb = args.FirstOrDefault() ?? "demo";
if (verb == "faults")
{
    return await FaultsCommand.RunAsync(args[1..]);
}

if (verb == "web")
{
    return await SocketDeployer.Sandbox.Web.WebCommand.RunAsync(args[1..]);
}

if (verb == "bench")
{
    return await BenchCommand.RunAsync(args[1..]);
}

if (verb is not "demo")
{
    Console.Error.WriteLine($"Unknown command '{verb}'. Usage: dotnet run --project Sandbox [-- demo | faults [--releases N] | bench]");
    return 1;
}

await using var env = await SandboxEnvironment.StartAsync(documents: ScriptedSession.RegisterDocuments);
env.Aws.RunAutomations(env.QueueUrl);
Console.WriteLine($"SocketDeployer Sandbox: Slack workspace {env.Slack.ApiBaseUrl} · AWS (SSM, SQS) {env.Aws.ServiceUrl}");
Console.WriteLine($"Running the daemon with {SandboxEnvironment.ShippedConfig}; only endpoints, tokens and the audit log are overridden.");
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
