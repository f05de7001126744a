namespace SocketDeployer.Core.Policy.Freezes;

/// <summary>
/// How many approvals of a break-glass release count: it needs the service's usual number from its approvers and
/// one more from a break-glass approver, all different people. Someone on both lists fills either place, whichever
/// is still open, so the count is the best assignment of approvers to places.
/// </summary>
public static class BreakGlassQuorum
{
    /// <summary>Approvals a break-glass release of a service needing <paramref name="required"/> must collect.</summary>
    public static int Needed(int required) => required + 1;

    /// <summary>How many of <paramref name="approvers"/> count towards <see cref="Needed"/>: each says whether the
    /// person approves the service and whether they are a break-glass approver.</summary>
    public static int Counted(IEnumerable<(bool Service, bool BreakGlass)> approvers, int required)
    {
        ArgumentNullException.ThrowIfNull(approvers);
        int serviceOnly = 0, breakGlassOnly = 0, both = 0;
        foreach (var (service, breakGlass) in approvers)
        {
            if (service && breakGlass)
                both++;
            else if (service)
                serviceOnly++;
            else if (breakGlass)
                breakGlassOnly++;
        }

        // The break-glass place goes to someone who can fill no other; only then to someone on both lists.
        var breakGlassPlace = breakGlassOnly > 0 || both > 0 ? 1 : 0;
        var bothLeft = breakGlassOnly > 0 ? both : both - breakGlassPlace;
        return breakGlassPlace + Math.Min(required, serviceOnly + bothLeft);
    }
}
