namespace SocketDeployer.Daemon.Hosting;

/// <summary>The process's GC heap, as <see cref="HeapRelease"/> reads and compacts it.</summary>
internal interface IManagedHeap
{
    /// <summary>Bytes allocated by the process so far (only grows).</summary>
    long AllocatedBytes { get; }

    /// <summary>A blocking, compacting, aggressive collection that decommits what it frees; returns committed bytes before and after, and the live heap.</summary>
    (long CommittedBefore, long CommittedAfter, long Live) Compact();
}

/// <summary>The real GC.</summary>
internal sealed class ManagedHeap : IManagedHeap
{
    public long AllocatedBytes => GC.GetTotalAllocatedBytes();

    public (long CommittedBefore, long CommittedAfter, long Live) Compact()
    {
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var after = GC.GetGCMemoryInfo();
        return (before, after.TotalCommittedBytes, after.HeapSizeBytes);
    }
}
