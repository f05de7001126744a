using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Commands;

namespace SocketDeployer.Core.Catalog;

/// <summary>The validated, immutable catalog: allowed channels and services by alias.</summary>
public sealed class ServiceCatalog
{
    public ServiceCatalog(IOptions<DeployOptions> options)
        : this(options.Value)
    {
    }

    public ServiceCatalog(DeployOptions options)
    {
        Channels = options.Channels.ToFrozenSet(StringComparer.Ordinal);
        DefaultChannel = options.Channels.FirstOrDefault() ?? "";
        Gate = options.Gate;
        BreakGlassApprovers = [.. options.BreakGlassApprovers];
        Services = options.Services
            .Select(pair => ToDefinition(pair.Key, pair.Value))
            .OrderBy(service => service.Name, StringComparer.Ordinal)
            .ToList();
        ByName = Services.ToFrozenDictionary(service => service.Name, StringComparer.Ordinal);
        ByDocument = Services.GroupBy(s => s.Document, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Channel IDs where commands are accepted.</summary>
    public IReadOnlySet<string> Channels { get; }

    /// <summary>The first of Deploy:Channels: where a service that names no channel is announced.</summary>
    public string DefaultChannel { get; }

    /// <summary>The gate document (Deploy:Gate).</summary>
    public GateOptions Gate { get; }

    /// <summary>User or user-group IDs of whom one must approve a break-glass release (Deploy:BreakGlassApprovers);
    /// empty when breaking glass is not configured.</summary>
    public IReadOnlyList<string> BreakGlassApprovers { get; }

    /// <summary>Where an execution of <paramref name="service"/> started outside Slack is announced.</summary>
    public string ChannelOf(ServiceDefinition service) => service.Channel ?? DefaultChannel;

    /// <summary>Services ordered by alias.</summary>
    public IReadOnlyList<ServiceDefinition> Services { get; }

    /// <summary>Services by alias.</summary>
    public IReadOnlyDictionary<string, ServiceDefinition> ByName { get; }

    /// <summary>Services by Automation document name.</summary>
    public IReadOnlyDictionary<string, ServiceDefinition> ByDocument { get; }

    private static ServiceDefinition ToDefinition(string name, ServiceOptions o) => new(
        name,
        o.Description,
        o.Document,
        o.DocumentVersion,
        VersionCheck.Compile(o.VersionPattern),
        o.VersionPattern,
        o.Example,
        o.Parameters.ToFrozenDictionary(StringComparer.Ordinal),
        [.. o.Deployers],
        [.. o.Approvers],
        o.RequiredApprovals)
    {
        Channel = string.IsNullOrEmpty(o.Channel) ? null : o.Channel,
        CompareUrl = CompareUrlTemplate.Of(o.Repository, o.CompareUrl),
        RequiresSuccessOn = string.IsNullOrEmpty(o.RequiresSuccessOn) ? null : o.RequiresSuccessOn,
    };
}
