using Microsoft.Extensions.Options;

namespace SocketDeployer.Core.Catalog;

/// <summary>Aws section rules: the queue URL and endpoint overrides must be absolute http(s) URLs.</summary>
public sealed class AwsOptionsValidator : IValidateOptions<AwsOptions>
{
    /// <summary>False for <c>socketdeployer gate</c>, which only talks to SSM.</summary>
    public bool RequireQueue { get; init; } = true;

    public ValidateOptionsResult Validate(string? name, AwsOptions options)
    {
        var failures = OptionKeys.Annotations(new AwsOptionsAnnotations(), options, AwsOptions.Section).ToList();
        if (RequireQueue && options.QueueUrl is null)
        {
            failures.Add("Aws:QueueUrl: is required (the SQS queue EventBridge writes automation events to)");
        }

        Absolute("QueueUrl", options.QueueUrl, failures);
        Absolute("SqsServiceUrl", options.SqsServiceUrl, failures);
        Absolute("SsmServiceUrl", options.SsmServiceUrl, failures);
        Absolute("DynamoDbServiceUrl", options.DynamoDbServiceUrl, failures);
        if (options.Region is { Length: > 0 } region && !System.Text.RegularExpressions.Regex.IsMatch(region, "^[a-z]{2}(-[a-z]+)+-\\d$"))
        {
            failures.Add($"Aws:Region: '{region}' is not a region name like us-east-1");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Absolute(string key, Uri? url, List<string> failures)
    {
        if (url is not null && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"Aws:{key}: must be an absolute http(s) URL");
        }
    }
}

/// <summary>The data annotations of <see cref="AwsOptions"/>, checked by source-generated code (no reflection, trim-safe).</summary>
[OptionsValidator]
internal sealed partial class AwsOptionsAnnotations : IValidateOptions<AwsOptions>
{
}
