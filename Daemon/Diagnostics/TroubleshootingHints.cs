using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Daemon.Diagnostics;

/// <summary>The README's troubleshooting table, as code: what a failure means and what to do.</summary>
internal static class TroubleshootingHints
{
    public static string ForSlack(SlackApiException e) => e.Error switch
    {
        "invalid_auth" or "not_authed" or "account_inactive" or "token_revoked" =>
            $"{e.Error}: Slack rejected the token; reinstall the app and copy the token again",
        "not_allowed_token_type" => $"{e.Error}: wrong kind of token; Slack:AppToken must be xapp-…, Slack:BotToken xoxb-…",
        "missing_scope" => $"missing_scope: the app lacks the scope {e.Needed ?? "(unknown)"}; add it from infra/slack-app-manifest.yml and reinstall",
        "not_in_channel" or "channel_not_found" => $"{e.Error}: invite the bot to the deploy channel (/invite @deploybot)",
        _ => $"{e.Error}: {e.Message}",
    };

    /// <summary>
    /// AWS refusals of the daemon's identity or its queue, or no credentials at all: retrying cannot help, the daemon
    /// stops (exit 2). The list is <see cref="AwsRetryOptions.PermanentCodes"/>.
    /// </summary>
    public static bool IsPermanent(AwsException e) => AwsRetryOptions.IsPermanent(e);

    public static string ForAws(AwsException e) => e.Code switch
    {
        "AccessDenied" or "AccessDeniedException" or "UnrecognizedClientException" or "InvalidClientTokenId" =>
            $"{e.Code}: the daemon's AWS identity may not do this; check the instance role from infra/socketdeployer.yaml ({e.AwsMessage})",
        "AWS.SimpleQueueService.NonExistentQueue" or "QueueDoesNotExist" =>
            $"{e.Code}: queue not found; check Aws:QueueUrl and Aws:Region against the stack's QueueUrl output",
        // DescribeDocument (check-config --online) answers InvalidDocument*, StartAutomationExecution AutomationDefinition*.
        "InvalidDocument" or "AutomationDefinitionNotFoundException" =>
            $"{e.Code}: document not found; check Deploy:Services:*:Document and the region",
        "InvalidDocumentVersion" or "AutomationDefinitionVersionNotFoundException" =>
            $"{e.Code}: document version not found; check Deploy:Services:*:DocumentVersion",
        _ => $"{e.Code}: {e.AwsMessage}",
    };
}
