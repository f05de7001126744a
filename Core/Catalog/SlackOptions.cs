using System.ComponentModel.DataAnnotations;

namespace SocketDeployer.Core.Catalog;

/// <summary>The <c>Slack</c> configuration section.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>App-level token (xapp-…) with connections:write; from the environment or a systemd credential.</summary>
    [Required(AllowEmptyStrings = false)]
    public string AppToken { get; set; } = "";

    /// <summary>Bot token (xoxb-…); from the environment or a systemd credential.</summary>
    [Required(AllowEmptyStrings = false)]
    public string BotToken { get; set; } = "";

    /// <summary>Web API base URL; the Sandbox points it at loopback.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Parallel Socket Mode connections (Slack allows up to 10).</summary>
    [Range(1, 10)]
    public int Connections { get; set; } = 2;

    /// <summary>How long user-group membership is cached before it is read again.</summary>
    [DurationRange("00:00:01", "1.00:00:00")]
    public TimeSpan UserGroupCacheTtl { get; set; } = TimeSpan.FromMinutes(5);
}
