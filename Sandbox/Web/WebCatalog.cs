using Microsoft.Extensions.Configuration;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Sandbox.Aws;
using SocketDeployer.Sandbox.Slack;

namespace SocketDeployer.Sandbox.Web;

/// <summary>
/// The catalog the daemon of the web page runs, read from its appsettings.json: the Sandbox gets a document for every
/// service, a channel for every deploy channel and a person for every deployer or approver it does not know yet.
/// </summary>
public sealed class WebCatalog
{
    private WebCatalog(string path, DeployOptions deploy, int connections)
    {
        Path = path;
        Deploy = deploy;
        Connections = connections;
    }

    /// <summary>How many Socket Mode connections the daemon opens (Slack:Connections).</summary>
    public int Connections { get; }

    /// <summary>The configuration file, as given.</summary>
    public string Path { get; }

    /// <summary>Its Deploy section.</summary>
    public DeployOptions Deploy { get; }

    /// <summary>The channel the page shows: the first where commands are accepted.</summary>
    public string DeployChannel => Deploy.Channels.FirstOrDefault() ?? throw new InvalidOperationException($"{Path} names no Deploy:Channels.");

    /// <exception cref="InvalidDataException">The file cannot be read as JSON configuration.</exception>
    public static WebCatalog Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new FileNotFoundException($"No configuration file {full}.", full);
        var configuration = new ConfigurationBuilder().AddJsonFile(full, optional: false, reloadOnChange: false).Build();
        var deploy = new DeployOptions();
        configuration.GetSection(DeployOptions.Section).Bind(deploy);
        var connections = configuration.GetValue<int?>("Slack:Connections") ?? new SlackOptions().Connections;
        return new WebCatalog(full, deploy, connections);
    }

    /// <summary>The steps every service's document runs on the page: two steps, the approval, the rollout.</summary>
    public static IReadOnlyList<SandboxStep> Steps { get; } =
    [
        new("build", "aws:executeAwsApi"),
        new("updateParameters", "aws:executeAwsApi"),
        new("approve", "aws:approve")
        {
            Inputs = new Dictionary<string, string>(StringComparer.Ordinal) { ["Message"] = "\"Roll out to production?\"" },
        },
        new("rollout", "aws:executeAwsApi"),
    ];

    /// <summary>Registers each service's pinned document version; any parameters are accepted.</summary>
    public void RegisterDocuments(AwsSandbox aws)
    {
        foreach (var service in Deploy.Services.Values)
            aws.RegisterDocument(service.Document, service.DocumentVersion, Steps);
    }

    /// <summary>Adds what the catalog names and the workspace lacks: channels, people, and groups with two people each.</summary>
    public void Seed(SlackWorkspace slack)
    {
        var channels = slack.Channels.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var channel in Deploy.Channels.Where(c => !channels.Contains(c)))
            slack.AddChannel(channel, channel.ToLowerInvariant());
        var named = Deploy.Services.Values.SelectMany(s => s.Deployers.Concat(s.Approvers)).Distinct(StringComparer.Ordinal);
        foreach (var id in named.Where(id => !slack.Knows(id)))
        {
            var name = id.ToLowerInvariant();
            if (id.StartsWith('S'))
            {
                slack.AddUser($"U{id[1..]}A", $"{name}-a");
                slack.AddUser($"U{id[1..]}B", $"{name}-b");
                slack.AddUserGroup(id, name, $"U{id[1..]}A", $"U{id[1..]}B");
            }
            else
            {
                slack.AddUser(id, name);
            }
        }
    }

    /// <summary>What a person may do, as the switcher shows it: "deploys app, ui · approves app", or "no role".</summary>
    public string RolesOf(string userId, SlackWorkspace slack)
    {
        var groups = slack.UserGroups.Where(g => g.Members.Contains(userId, StringComparer.Ordinal)).Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        bool Holds(List<string> ids) => ids.Any(id => id == userId || groups.Contains(id));
        var services = Deploy.Services.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        var deploys = services.Where(s => Holds(s.Value.Deployers)).Select(s => s.Key).ToList();
        var approves = services.Where(s => Holds(s.Value.Approvers)).Select(s => s.Key).ToList();
        var parts = new List<string>();
        if (deploys.Count > 0)
            parts.Add("deploys " + string.Join(", ", deploys));
        if (approves.Count > 0)
            parts.Add("approves " + string.Join(", ", approves));
        return parts.Count == 0 ? "no role" : string.Join(" · ", parts);
    }
}
