using System.Diagnostics.CodeAnalysis;
using System.Globalization;

/// <summary>
/// Loaded into the daemon's process by the benchmark through <c>DOTNET_STARTUP_HOOKS</c> (the daemon's code is unchanged):
/// every 200 ms it appends the process's allocation and GC figures to the file named by
/// <c>SOCKETDEPLOYER_BENCH_GCSTATS</c>, as "allocated-bytes heap-bytes gen0 gen1 gen2".
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime looks for a type named StartupHook in the global namespace.")]
internal static class StartupHook
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable("SOCKETDEPLOYER_BENCH_GCSTATS") is not { Length: > 0 } path)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
            while (await timer.WaitForNextTickAsync())
            {
                var line = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{GC.GetTotalAllocatedBytes(precise: false)} {GC.GetTotalMemory(forceFullCollection: false)} {GC.CollectionCount(0)} {GC.CollectionCount(1)} {GC.CollectionCount(2)}\n");
                await File.AppendAllTextAsync(path, line);
            }
        });
    }
}
