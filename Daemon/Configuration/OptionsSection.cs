namespace SocketDeployer.Daemon.Configuration;

/// <summary>
/// One options class bound to a configuration section (<c>Slack:Pacing</c> → SlackPacingOptions). Every
/// registration through <see cref="OptionsRegistration.AddSection{T}"/> adds one, so the unknown-key check, the
/// start-up validation of <c>run</c> and <c>check-config</c> all see the same list.
/// </summary>
/// <param name="Path">The configuration path, e.g. <c>Slack:Pacing</c>.</param>
/// <param name="Type">The options class bound there.</param>
/// <param name="Read">Creates (binds and validates) the options; throws what validation throws.</param>
internal sealed record OptionsSection(string Path, Type Type, Func<IServiceProvider, object> Read)
{
    /// <summary>The first segment of the path: <c>Slack</c>, <c>Aws</c>, <c>Queue</c>, <c>Deploy</c>.</summary>
    public string Root => Path.Split(':')[0];
}
