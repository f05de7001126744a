using System.ComponentModel.DataAnnotations;
using SocketDeployer.Core.Policy.Freezes;

namespace SocketDeployer.Core.Catalog;

/// <summary>The <c>Deploy</c> configuration section: where commands are accepted and the service catalog.</summary>
public sealed class DeployOptions
{
    public const string Section = "Deploy";

    /// <summary>Channel IDs where commands are accepted.</summary>
    [NotEmpty]
    public List<string> Channels { get; set; } = [];

    /// <summary>JSON-lines audit log; appended and flushed per entry.</summary>
    [Required(AllowEmptyStrings = false)]
    public string AuditLog { get; set; } = "audit.jsonl";

    /// <summary>How often a running release's status message may be edited: a burst of progress becomes one edit,
    /// keeping well inside Slack's chat.update rate limit. The final state is always shown at once.</summary>
    [DurationRange("00:00:00", "00:10:00")]
    public TimeSpan StatusUpdateInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long thread lines wait for a release's start reply to be recorded; after that (the daemon that
    /// started it died between posting and tagging) a new status message is posted and the lines follow it.</summary>
    [DurationRange("00:00:00", "00:10:00")]
    public TimeSpan StartReplyGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The gate document pipelines start to wait for a Slack decision (<c>socketdeployer gate</c>).</summary>
    // GateOptionsValidator checks Gate under its own key (Deploy:Gate:…), from DeployOptionsValidator and for the gate verb.
#pragma warning disable SYSLIB1212 // no [ValidateObjectMembers]: that would report Gate's failures twice
    public GateOptions Gate { get; set; } = new();
#pragma warning restore SYSLIB1212

    /// <summary>Freeze name → when deploys are refused unless the requester breaks glass (<c>--break-glass &lt;reason&gt;</c>).</summary>
    public Dictionary<string, FreezeOptions> Freezes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>User (U…/W…) or user-group (S…) IDs of whom one must approve a break-glass release, on top of the
    /// service's usual approvals. Empty: breaking glass is refused, so freezes are absolute.</summary>
    public List<string> BreakGlassApprovers { get; set; } = [];

    /// <summary>Service alias → what deploying it means.</summary>
    [NotEmpty]
    public Dictionary<string, ServiceOptions> Services { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One deployable service: its Automation document and who may do what.</summary>
public sealed class ServiceOptions
{
    [Required(AllowEmptyStrings = false)]
    public string Description { get; set; } = "";

    [Required(AllowEmptyStrings = false)]
    public string Document { get; set; } = "";

    /// <summary>Where executions started outside Slack (pipelines, the console) are announced; the first of
    /// Deploy:Channels when not set.</summary>
    public string? Channel { get; set; }

    /// <summary>Pinned document version: configuration is immutable at runtime.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DocumentVersion { get; set; } = "";

    [Required(AllowEmptyStrings = false)]
    public string VersionPattern { get; set; } = "";

    [Required(AllowEmptyStrings = false)]
    public string Example { get; set; } = "";

    /// <summary>Document parameter → template with {version} {service} {user} {user_name} {channel}.</summary>
    public Dictionary<string, string> Parameters { get; set; } = new(StringComparer.Ordinal);

    /// <summary>User (U…/W…) or user-group (S…) IDs that may deploy.</summary>
    public List<string> Deployers { get; set; } = [];

    /// <summary>User (U…/W…) or user-group (S…) IDs that may approve.</summary>
    public List<string> Approvers { get; set; } = [];

    /// <summary>Distinct approvers needed before the daemon signals Approve.</summary>
    [Range(1, 10)]
    public int RequiredApprovals { get; set; } = 1;

    /// <summary>The source repository (https://github.com/org/app, https://gitlab.com/org/app): replies and prompts
    /// link a comparison of the live version with the requested one.</summary>
    public string? Repository { get; set; }

    /// <summary>The comparison link with <c>{from}</c> and <c>{to}</c>, for a host whose form is not derived from
    /// Repository (GitHub and GitLab are).</summary>
    public string? CompareUrl { get; set; }

    /// <summary>Another service's alias: a version is released here only once it succeeded there (promotion).</summary>
    public string? RequiresSuccessOn { get; set; }
}
