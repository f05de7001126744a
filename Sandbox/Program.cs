using SocketDeployer.Sandbox.Bench;
using SocketDeployer.Sandbox.Demo;
using SocketDeployer.Sandbox.Faults;
using SocketDeployer.Sandbox.Web;

// One verb per line; `dotnet run --project Sandbox -- help` (SandboxHelp.Text) says what each does.
var verb = args.FirstOrDefault() ?? "demo";
var rest = args.Length > 0 ? args[1..] : [];
return verb switch
{
    "demo" => await SessionCommand.RunAsync(rest),
    "faults" => await FaultsCommand.RunAsync(rest),
    "bench" => await BenchCommand.RunAsync(rest),
    "web" => await WebCommand.RunAsync(rest),
    _ when SandboxHelp.IsHelp(verb) => SandboxHelp.Print(),
    _ => SandboxHelp.Unknown(verb),
};
