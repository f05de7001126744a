using System.Text.RegularExpressions;
using static SocketDeployer.Core.Aws.Events.ParseResult;

namespace SocketDeployer.Core.Aws.Events;

/// <summary>
/// Finds the execution an <c>aws:approve</c> notification is about. Its text is not documented, so this looks for
/// an automation-execution ARN, then for a UUID labelled AutomationExecutionId / "Automation Execution Id", in JSON or prose.
/// </summary>
internal static partial class ApprovalNotificationReader
{
    private const string Uuid = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9a-fA-F-])";

    /// <summary>The approval the text announces, or null when it names no execution.</summary>
    public static ParseResult? TryRead(string text)
    {
        try
        {
            var match = ExecutionArn().Match(text);
            if (!match.Success)
                match = LabelledExecutionId().Match(text);

            return match.Success
                ? new Parsed(new ApprovalRequested(match.Groups["id"].Value, TextCap.Apply(text, AutomationEventParser.MaxTextLength)))
                : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    // Linear patterns (no nested quantifiers); the timeout is a second line of defence.
    [GeneratedRegex(@"arn:aws[a-z-]{0,16}:ssm:[a-z0-9-]{1,32}:[0-9]{12}:automation-execution/(?<id>" + Uuid + ")",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ExecutionArn();

    [GeneratedRegex(@"Automation[ _]?Execution[ _]?Id[""']?[ \t]{0,8}[:=][ \t]{0,8}[""']?(?<id>" + Uuid + ")",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LabelledExecutionId();
}
