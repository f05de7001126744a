using System.Globalization;
using SocketDeployer.Core.Flow.Progress;
using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>
/// What the daemon keeps per tracked execution, measured here with the daemon's own types: a <see cref="ReleaseStateStore"/>
/// entry with one finished step, and the <see cref="ReleaseInfo"/> (with its tags) that ReleaseDirectory caches.
/// </summary>
internal static class StateFootprint
{
    public static string Measure(int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString()).ToArray();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var store = new ReleaseStateStore();
        foreach (var id in ids)
        {
            store.GetOrAdd(id, out _).MarkFinished("build");
        }

        var states = GC.GetTotalMemory(forceFullCollection: true) - before;
        var infos = new ReleaseInfo?[count];
        for (var i = 0; i < count; i++)
        {
            infos[i] = ReleaseInfo.FromTags(ids[i], new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [ExecutionTags.Thread] = "C0123PRODDEPLOY/1800000000.000100",
                [ExecutionTags.Requester] = "U0ALICE",
                [ExecutionTags.Service] = "app",
                [ExecutionTags.Version] = "r-1.0.0",
                [ExecutionTags.Event] = "Ev0123456789",
                [ExecutionTags.StatusTs] = "1800000000.000101",
            });
        }

        var cached = GC.GetTotalMemory(forceFullCollection: true) - before - states;
        GC.KeepAlive(store);
        GC.KeepAlive(infos);
        return string.Create(CultureInfo.InvariantCulture, $"ReleaseState {states / (double)count:0} B, cached ReleaseInfo + tags {cached / (double)count:0} B (of which at most {ReleaseDirectory.Capacity} are kept)");
    }
}
