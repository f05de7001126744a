using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Policy.Freezes;

namespace SocketDeployer.Core.Catalog;

/// <summary>The catalog's cross-field rules (design.md "Configuration contract"); each failure names its key.</summary>
public sealed partial class DeployOptionsValidator : IValidateOptions<DeployOptions>
{
    /// <summary>Placeholders a Parameters template may use.</summary>
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.Ordinal)
    {
        "version", "service", "user", "user_name", "channel",
    };

    public ValidateOptionsResult Validate(string? name, DeployOptions options)
    {
        var failures = OptionKeys.Annotations(new DeployOptionsAnnotations(), options, DeployOptions.Section).ToList();
        for (var i = 0; i < options.Channels.Count; i++)
        {
            if (!ChannelId().IsMatch(options.Channels[i] ?? ""))
            {
                failures.Add($"Deploy:Channels:{i}: '{options.Channels[i]}' is not a channel ID (C…/G…, as in the channel's details)");
            }
        }

        foreach (var (alias, service) in options.Services)
        {
            failures.AddRange(ValidateService(alias, service));
        }

        failures.AddRange(GateOptionsValidator.Failures(options.Gate));
        failures.AddRange(FreezeOptionsValidator.Failures(options));
        failures.AddRange(ChangesOptionsValidator.Failures(options.Services));

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> ValidateService(string alias, ServiceOptions service)
    {
        var key = $"Deploy:Services:{alias}";
        if (service.Channel is { } channel && !ChannelId().IsMatch(channel))
        {
            yield return $"{key}:Channel: '{channel}' is not a channel ID (C…/G…, as in the channel's details)";
        }

        if (!ServiceAlias().IsMatch(alias))
        {
            yield return $"{key}: the alias must be lower-case ASCII letters, digits, '-' or '_' (what people type in Slack)";
        }

        foreach (var failure in OptionKeys.Annotations(new ServiceOptionsAnnotations(), service, key))
        {
            yield return failure;
        }

        if (service.DocumentVersion is "$DEFAULT" or "$LATEST")
        {
            yield return $"{key}:DocumentVersion: must be a pinned version number, not {service.DocumentVersion} (configuration is immutable at runtime)";
        }

        foreach (var failure in ValidatePattern(key, service))
        {
            yield return failure;
        }

        foreach (var (parameter, template) in service.Parameters)
        {
            foreach (Match match in Placeholder().Matches(template ?? ""))
            {
                if (!Placeholders.Contains(match.Groups[1].Value))
                {
                    yield return $"{key}:Parameters:{parameter}: unknown placeholder {match.Value} (use {{version}}, {{service}}, {{user}}, {{user_name}} or {{channel}})";
                }
            }
        }

        foreach (var failure in People($"{key}:Deployers", service.Deployers, "deploy"))
        {
            yield return failure;
        }

        foreach (var failure in People($"{key}:Approvers", service.Approvers, "approve"))
        {
            yield return failure;
        }

        var users = service.Approvers.Count(a => !a.StartsWith('S'));
        if (service.Approvers.Count > 0 && users == service.Approvers.Count && users < service.RequiredApprovals)
        {
            yield return $"{key}:RequiredApprovals: {service.RequiredApprovals} approvals needed but only {users} approver(s) listed";
        }
    }

    private static IEnumerable<string> ValidatePattern(string key, ServiceOptions service)
    {
        if (string.IsNullOrEmpty(service.VersionPattern))
        {
            yield break;
        }

        Regex? pattern = null;
        string? error = null;
        try
        {
            pattern = VersionCheck.Compile(service.VersionPattern);
        }
        catch (ArgumentException e)
        {
            error = CompileError(e);
        }

        if (pattern is null)
        {
            yield return $"{key}:VersionPattern: '{service.VersionPattern}' does not compile: {error}";
            yield break;
        }

        if (pattern.IsMatch(""))
        {
            yield return $"{key}:VersionPattern: matches the empty string; it must demand a version";
        }

        if (!string.IsNullOrEmpty(service.Example) && !pattern.IsMatch(service.Example))
        {
            yield return $"{key}:Example: '{service.Example}' does not match its own VersionPattern {service.VersionPattern} "
                + "(the pattern must match the whole version, as if written between ^ and $)";
        }
    }

    // The parser's own words ("Not enough )'s", at offset 8) once: the wrapping ArgumentException repeats the pattern
    // and adds "(Parameter 'pattern')", which means nothing to whoever wrote the configuration.
    private static string CompileError(ArgumentException e) => (e.InnerException ?? e) switch
    {
        RegexParseException parse => $"{(ParseReason().Match(parse.Message) is { Success: true } m ? m.Groups[1].Value.TrimEnd('.') : parse.Error.ToString())} (at offset {parse.Offset})",
        _ => "the pattern is empty",
    };

    private static IEnumerable<string> People(string key, List<string> ids, string verb)
    {
        if (ids.Count == 0)
        {
            yield return $"{key}: nobody may {verb}; list user IDs (U…/W…) or user-group IDs (S…)";
        }

        for (var i = 0; i < ids.Count; i++)
        {
            if (!PersonId().IsMatch(ids[i] ?? ""))
            {
                yield return $"{key}:{i}: '{ids[i]}' is not a user ID (U…/W…) or user-group ID (S…)";
            }
        }
    }

    [GeneratedRegex("^[CG][A-Z0-9]{2,}$")]
    private static partial Regex ChannelId();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,39}$")]
    private static partial Regex ServiceAlias();

    [GeneratedRegex("^[UWS][A-Z0-9]{2,}$")]
    private static partial Regex PersonId();

    [GeneratedRegex(@" at offset \d+\. (.+)$")]
    private static partial Regex ParseReason();

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();
}

/// <summary>The data annotations of <see cref="DeployOptions"/>, checked by source-generated code (no reflection, trim-safe).</summary>
[OptionsValidator]
internal sealed partial class DeployOptionsAnnotations : IValidateOptions<DeployOptions>
{
}

/// <summary>The data annotations of <see cref="ServiceOptions"/>, checked by source-generated code (no reflection, trim-safe).</summary>
[OptionsValidator]
internal sealed partial class ServiceOptionsAnnotations : IValidateOptions<ServiceOptions>
{
}
