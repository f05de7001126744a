using System.ComponentModel.DataAnnotations;

namespace SocketDeployer.Core.Policy.Freezes;

/// <summary>
/// One entry of <c>Deploy:Freezes</c> (the entry's key is its name): a time when deploys are refused unless the
/// requester breaks glass. <see cref="Start"/> and <see cref="End"/> are either both instants in UTC
/// (<c>2026-12-23T18:00:00Z</c>) or both weekly times (<c>Friday 16:00</c>, read in UTC).
/// </summary>
public sealed class FreezeOptions
{
    /// <summary>Shown in every refusal: why deploys wait.</summary>
    [Required(AllowEmptyStrings = false)]
    [StringLength(200)]
    public string Reason { get; set; } = "";

    /// <summary>When the freeze begins (inclusive): an instant in UTC, or a weekday and time such as <c>Friday 16:00</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Start { get; set; } = "";

    /// <summary>When it ends (exclusive), in the same form as <see cref="Start"/>; a weekly end before its start wraps
    /// over the week end (<c>Friday 16:00</c> – <c>Monday 08:00</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string End { get; set; } = "";

    /// <summary>Service aliases it applies to; empty means every service.</summary>
    public List<string> Services { get; set; } = [];
}
