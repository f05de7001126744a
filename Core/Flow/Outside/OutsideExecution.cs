using System.Text.RegularExpressions;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Core.Flow.Outside;

/// <summary>An execution of a catalogued document that was not started from Slack (a pipeline's gate, a deploy from
/// the console or the CLI), read from its parameters.</summary>
/// <param name="Version">What the thread calls it: the version parameter of a deploy document, the gate's summary (tag-safe).</param>
/// <param name="Requester">The Slack user named in RequestedBy, directly or by email once resolved (four-eyes holds
/// against them), or empty when none was named or the name could not be resolved.</param>
/// <param name="RequestedBy">RequestedBy as given (a Slack id, an email, a pipeline's user name), or null.</param>
/// <param name="ExecutedBy">The IAM principal that started it.</param>
public sealed partial record OutsideExecution(
    AutomationExecution Execution,
    ServiceDefinition Service,
    bool IsGate,
    string Version,
    string? Summary,
    string? Link,
    string Requester,
    string? RequestedBy,
    string? ExecutedBy)
{
    /// <summary>Why RequestedBy names nobody four-eyes knows (<c>no Slack user has this email</c>), or null.</summary>
    public string? Unresolved { get; init; }

    /// <summary>Whether RequestedBy is an email address, which users.lookupByEmail can turn into a Slack user.</summary>
    public bool NamesAnEmail => Requester.Length == 0 && RequestedBy is { } named && Email().IsMatch(named);

    /// <summary>How much of a gate's summary goes into the version tag (the whole summary is in the announcement).</summary>
    public const int VersionLength = 80;

    /// <summary>Null when the document is not the gate or a catalogued service's, or the gate names an unknown service.</summary>
    public static OutsideExecution? Read(AutomationExecution execution, ServiceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(catalog);
        if (execution.DocumentName == catalog.Gate.Document)
        {
            if (execution.Parameter(GateOptions.Parameters.Service) is not { } name || !catalog.ByName.TryGetValue(name, out var gated))
            {
                return null;
            }

            var summary = execution.Parameter(GateOptions.Parameters.Summary);
            var requestedBy = execution.Parameter(GateOptions.Parameters.RequestedBy);
            return new OutsideExecution(
                execution, gated, IsGate: true, TagText.Of(summary ?? "gate", VersionLength), summary,
                execution.Parameter(GateOptions.Parameters.Link), SlackUser(requestedBy), requestedBy, execution.ExecutedBy);
        }

        if (!catalog.ByDocument.TryGetValue(execution.DocumentName, out var service))
        {
            return null;
        }

        // The catalog says which parameter carries the version and which the requester: the same templates Slack fills.
        var version = ParameterFilledWith(execution, service, "{version}");
        var requester = ParameterFilledWith(execution, service, "{user}");
        return new OutsideExecution(
            execution, service, IsGate: false, TagText.Of(version ?? "", VersionLength), null, null, SlackUser(requester), requester, execution.ExecutedBy);
    }

    private static string? ParameterFilledWith(AutomationExecution execution, ServiceDefinition service, string placeholder) =>
        service.Parameters.Where(p => p.Value == placeholder).Select(p => execution.Parameter(p.Key)).FirstOrDefault(v => v is not null);

    // Only a Slack user id is a person four-eyes can hold against; an email or a pipeline's login is shown, not trusted.
    private static string SlackUser(string? requestedBy) =>
        requestedBy is not null && SlackUserId().IsMatch(requestedBy) ? requestedBy : "";

    [GeneratedRegex("^[UW][A-Z0-9]{2,}$")]
    private static partial Regex SlackUserId();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}
