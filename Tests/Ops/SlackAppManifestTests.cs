using SocketDeployer.Core.Slack;
using YamlDotNet.RepresentationModel;

namespace SocketDeployer.Tests.Ops;

public class SlackAppManifestTests
{
    private static readonly YamlNode Manifest = RepoFiles.LoadYaml("infra/slack-app-manifest.yml");

    [Test]
    public void AsksForExactlyTheBotScopesTheCodeNeeds()
    {
        var needed = SlackApi.RequiredScopes
            .Where(method => !SlackApi.UsesAppToken(method.Key) && method.Value.Length > 0 && method.Value != "none")
            .Select(method => method.Value)
            .Append("app_mentions:read") // the app_mention event
            .ToHashSet();

        var granted = Manifest.At("oauth_config", "scopes", "bot").Scalars().ToList();

        Assert.That(granted, Is.Unique.And.EquivalentTo(needed));
    }

    [Test]
    public void DoesNotGiveTheBotTheAppLevelScope() =>
        Assert.That(Manifest.At("oauth_config", "scopes", "bot").Scalars(), Does.Not.Contain("connections:write"));

    [Test]
    public void RunsOverSocketModeWithMentionsAndButtons()
    {
        var settings = Manifest.At("settings");

        Assert.Multiple(() =>
        {
            Assert.That(settings.Get("socket_mode_enabled").Scalar(), Is.EqualTo("true"));
            Assert.That(settings.At("interactivity", "is_enabled").Scalar(), Is.EqualTo("true"));
            Assert.That(settings.At("event_subscriptions", "bot_events").Scalars(), Is.EqualTo(new[] { "app_mention" }));
            Assert.That(settings.At("event_subscriptions").Get("request_url"), Is.Null, "Socket Mode needs no public URL");
            Assert.That(Manifest.At("features", "bot_user", "display_name").Scalar(), Is.EqualTo("deploybot"));
        });
    }
}
