using System.Globalization;

namespace SocketDeployer.Sandbox.Faults;

/// <summary><c>dotnet run --project Sandbox -- faults [--releases N] [--only NAME]</c>: every fault, whole releases, a table.</summary>
public static class FaultsCommand
{
    private const string Usage = "Usage: dotnet run --project Sandbox -- faults [--releases N] [--only NAME[,NAME…]]";

    /// <summary>Runs the scenarios, prints the table and a pass/fail line; exit 0 when every invariant held.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        var outp = output ?? Console.Out;
        var releases = 5;
        IReadOnlyList<FaultScenario> scenarios = FaultScenarios.All;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--releases" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    releases = n;
                    i++;
                    break;
                case "--only" when i + 1 < args.Length:
                    scenarios = [.. args[++i].Split(',').Select(FaultScenarios.Named)];
                    break;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 1;
            }
        }

        var table = new FaultTable(outp);
        table.WriteHeader();
        var results = new List<FaultRunResult>();
        foreach (var scenario in scenarios)
        {
            var result = await new FaultRun(scenario, releases).RunAsync();
            results.Add(result);
            table.WriteRow(result);
        }

        var failed = results.Where(r => !r.Passed).ToList();
        await outp.WriteLineAsync();
        foreach (var result in failed)
        {
            await outp.WriteLineAsync($"{result.Scenario.Name}: {result.Describe().Replace("\n", "\n  ", StringComparison.Ordinal)}");
            if (result.Scenario.KnownIssue is { } issue)
            {
                await outp.WriteLineAsync($"  known issue: {issue}");
            }
        }

        await outp.WriteLineAsync(failed.Count == 0
            ? $"PASS: {results.Count} faults × {releases} releases, every invariant held."
            : $"FAIL: {failed.Count} of {results.Count} faults broke an invariant.");
        return failed.Count == 0 ? 0 : 1;
    }
}
