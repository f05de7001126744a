using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Daemon.Verbs;

internal static class CatalogPrinter
{
    public static async Task PrintAsync(ServiceCatalog catalog, TextWriter output)
    {
        await output.WriteLineAsync($"Channels: {string.Join(", ", catalog.Channels.Order(StringComparer.Ordinal))}");
        await output.WriteLineAsync($"Services ({catalog.Services.Count}):");
        foreach (var s in catalog.Services)
        {
            await output.WriteLineAsync($"  {s.Name,-12} {s.Description}");
            await output.WriteLineAsync($"  {"",-12} document {s.Document} v{s.DocumentVersion}; version {s.VersionPatternText} (e.g. {s.Example})");
            await output.WriteLineAsync($"  {"",-12} parameters {string.Join(", ", s.Parameters.Select(p => $"{p.Key}={p.Value}"))}");
            await output.WriteLineAsync($"  {"",-12} deployers {string.Join(", ", s.Deployers)}; approvers {string.Join(", ", s.Approvers)} ({s.RequiredApprovals} needed)");
        }
    }
}
