using Microsoft.Extensions.Options;

namespace SocketDeployer.Core.Catalog;

/// <summary>Slack section rules that data annotations cannot state: token kinds and URL shape.</summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    /// <summary>The failures that only say a token is not set (tokens never live in the file, so check-config notes them).</summary>
    public static readonly IReadOnlyDictionary<string, string> MissingTokens = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [MissingAppToken] = "Slack:AppToken",
        [MissingBotToken] = "Slack:BotToken",
    };

    private const string MissingAppToken = "Slack:AppToken: is required: set Slack__AppToken in the environment or as a systemd credential (an xapp-… token)";
    private const string MissingBotToken = "Slack:BotToken: is required: set Slack__BotToken in the environment or as a systemd credential (an xoxb-… token)";

    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = OptionKeys.Annotations(new SlackOptionsAnnotations(), options, SlackOptions.Section)
            .Select(f => f switch
            {
                "Slack:AppToken: is required." => MissingAppToken,
                "Slack:BotToken: is required." => MissingBotToken,
                _ => f,
            })
            .ToList();
        failures.AddRange(TokenKind("AppToken", options.AppToken, "xapp-", "an app-level token (xapp-…) with connections:write"));
        failures.AddRange(TokenKind("BotToken", options.BotToken, "xoxb-", "a bot token (xoxb-…)"));
        if (options.ApiBaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add("Slack:ApiBaseUrl: must be an absolute http(s) URL");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Never echo the token: name its kind only.
    private static IEnumerable<string> TokenKind(string key, string value, string prefix, string expected)
    {
        if (string.IsNullOrWhiteSpace(value) || value.StartsWith(prefix, StringComparison.Ordinal))
        {
            yield break;
        }

        var seen = value.Length >= 5 ? value[..5] switch
        {
            "xoxb-" => "a bot token (xoxb-…)",
            "xapp-" => "an app-level token (xapp-…)",
            "xoxp-" => "a user token (xoxp-…)",
            _ => "not a Slack token",
        } : "not a Slack token";
        yield return $"Slack:{key}: must be {expected}, but the value is {seen}";
    }
}

/// <summary>The data annotations of <see cref="SlackOptions"/>, checked by source-generated code (no reflection, trim-safe).</summary>
[OptionsValidator]
internal sealed partial class SlackOptionsAnnotations : IValidateOptions<SlackOptions>
{
}
