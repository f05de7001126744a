using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Policy.Freezes;

namespace SocketDeployer.Daemon.Configuration;

/// <summary>
/// Options classes that sit below a section instead of being one (<c>Deploy:Gate</c>, each <c>Deploy:Services</c>
/// and <c>Deploy:Freezes</c> entry), with the keys each accepts. The unknown-key check reads a section's own class through its type argument;
/// a class reached only through a property type is invisible to the trimmer, so it is named here, where
/// <c>typeof</c> tells the trimmer to keep its properties. A test walks every section and fails on a class missing here.
/// </summary>
internal static class NestedOptionTypes
{
    /// <summary>Nested options class → its keys (<see cref="OptionKeys.Members"/>).</summary>
    public static readonly IReadOnlyDictionary<Type, IReadOnlyDictionary<string, Type>> Members =
        new Dictionary<Type, IReadOnlyDictionary<string, Type>>
        {
            [typeof(GateOptions)] = OptionKeys.Members(typeof(GateOptions)),
            [typeof(ServiceOptions)] = OptionKeys.Members(typeof(ServiceOptions)),
            [typeof(FreezeOptions)] = OptionKeys.Members(typeof(FreezeOptions)),
        };
}
