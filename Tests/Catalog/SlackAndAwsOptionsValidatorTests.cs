using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Tests.Catalog;

public class SlackAndAwsOptionsValidatorTests
{
    private static SlackOptions Slack(string app = "xapp-1-A0-1-abc", string bot = "xoxb-1-2-abc") => new() { AppToken = app, BotToken = bot };

    private static IReadOnlyList<string> Failures(SlackOptions o)
    {
        var r = new SlackOptionsValidator().Validate(null, o);
        return r.Failed ? [.. r.Failures!] : [];
    }

    private static IReadOnlyList<string> Failures(AwsOptions o)
    {
        var r = new AwsOptionsValidator().Validate(null, o);
        return r.Failed ? [.. r.Failures!] : [];
    }

    [Test]
    public void ValidTokensPass() => Assert.That(Failures(Slack()), Is.Empty);

    [Test]
    public void BotTokenInAppTokenIsNamedWithoutEchoingIt()
    {
        var failures = Failures(Slack(app: "xoxb-secret-value"));
        Assert.That(failures, Has.One.StartsWith("Slack:AppToken:").And.Contains("bot token"));
        Assert.That(string.Join('\n', failures), Does.Not.Contain("secret-value"));
    }

    [Test]
    public void UserTokenAsBotTokenIsRefused() =>
        Assert.That(Failures(Slack(bot: "xoxp-123")), Has.One.StartsWith("Slack:BotToken:").And.Contains("user token"));

    [Test]
    public void MissingTokenIsRequired() =>
        Assert.That(Failures(Slack(bot: "")), Has.One.StartsWith("Slack:BotToken:").And.Contains("required"));

    [Test]
    public void ConnectionsOutOfRange() =>
        Assert.That(Failures(new SlackOptions { AppToken = "xapp-1", BotToken = "xoxb-1", Connections = 11 }), Has.One.StartsWith("Slack:Connections:"));

    [Test]
    public void QueueUrlIsRequired() =>
        Assert.That(Failures(new AwsOptions { Region = "us-east-1" }), Has.One.StartsWith("Aws:QueueUrl:"));

    [Test]
    public void RelativeEndpointIsRefused() => Assert.That(
        Failures(new AwsOptions { QueueUrl = new Uri("https://sqs.us-east-1.amazonaws.com/1/q"), SsmServiceUrl = new Uri("ssm.local", UriKind.Relative) }),
        Has.One.StartsWith("Aws:SsmServiceUrl:"));

    [Test]
    public void RegionMustLookLikeOne() => Assert.That(
        Failures(new AwsOptions { QueueUrl = new Uri("https://sqs.us-east-1.amazonaws.com/1/q"), Region = "Virginia" }),
        Has.One.StartsWith("Aws:Region:"));
}
