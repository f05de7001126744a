using System.ComponentModel.DataAnnotations;

namespace SocketDeployer.Core.Catalog;

/// <summary>The <c>Deploy:Gate</c> section: the Automation document a pipeline starts to wait for a Slack decision
/// (<c>socketdeployer gate</c>, infra/gate.yaml). Its parameters are <see cref="Parameters"/>.</summary>
public sealed class GateOptions
{
    public const string Section = "Deploy:Gate";

    /// <summary>The gate document's name.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Document { get; set; } = "SocketDeployer-Gate";

    /// <summary>Pinned version: a pipeline waits on exactly the document that was reviewed.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DocumentVersion { get; set; } = "1";

    /// <summary>What a gate, or another execution started outside Slack, meets at its approval step while its service
    /// is locked (by hand or by a running release) or frozen: refused at once (the default), or left waiting.</summary>
    public GateHoldMode WhenLockedOrFrozen { get; set; } = GateHoldMode.Refuse;

    /// <summary>The gate document's parameter names (besides <c>AutomationAssumeRole</c>, which keeps its default).</summary>
    public static class Parameters
    {
        public const string Service = "Service";
        public const string Summary = "Summary";
        public const string Link = "Link";
        public const string RequestedBy = "RequestedBy";
    }
}
