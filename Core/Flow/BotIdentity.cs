using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow;

/// <summary>Who the bot is (auth.test), asked once: the flow needs its user id to strip its own mention.</summary>
public sealed class BotIdentity(ISlackApi slack)
{
    private readonly Lock gate = new();
    private Task<SlackIdentity>? identity;

    public Task<SlackIdentity> GetAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (identity is null || identity.IsFaulted || identity.IsCanceled)
            {
                identity = slack.AuthTestAsync(cancellationToken);
            }

            return identity;
        }
    }
}
