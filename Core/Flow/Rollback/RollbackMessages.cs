using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Rollback;

/// <summary>The refusals of <c>rollback</c>, as pure functions.</summary>
public static class RollbackMessages
{
    /// <summary>No release of the service ever succeeded.</summary>
    public static SlackMessage NothingLive(ServiceDefinition service) =>
        DeployMessages.Plain($":no_entry: Nothing to roll back to: *{service.Name}* has no successful release yet. `history {service.Name}` shows what ran.");

    /// <summary>Only the live version ever succeeded.</summary>
    public static SlackMessage NoEarlier(ServiceDefinition service, string live) =>
        DeployMessages.Plain($":no_entry: Nothing to roll back to: {SlackText.InlineCode(live)} is live and no earlier version of *{service.Name}* succeeded.");

    /// <summary>The version asked for is the one live now.</summary>
    public static SlackMessage AlreadyLive(ServiceDefinition service, string version) =>
        DeployMessages.Plain($":no_entry: {SlackText.InlineCode(version)} is already live on *{service.Name}*: nothing to roll back.");

    /// <summary>The version asked for never succeeded on the service; the ones that did are listed.</summary>
    public static SlackMessage NeverSucceeded(ServiceDefinition service, string version, IReadOnlyList<string> succeeded)
    {
        ArgumentNullException.ThrowIfNull(succeeded);
        var options = succeeded.Count == 0 ? "" : $" Versions that did: {string.Join(", ", succeeded.Select(v => SlackText.InlineCode(v)))}.";
        return DeployMessages.Plain($":no_entry: {SlackText.InlineCode(version)} never succeeded on *{service.Name}*; a rollback returns only to a version that did.{options}");
    }
}
