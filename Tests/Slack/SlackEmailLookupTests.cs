using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Tests.Slack;

/// <summary>users.lookupByEmail as Slack documents it: the users.info user object on success, <c>users_not_found</c>
/// for an address no member has, <c>missing_scope</c> (needs <c>users:read.email</c>) without the scope.</summary>
[CancelAfter(30_000)]
public class SlackEmailLookupTests
{
    // The "typical success response" of docs.slack.dev/reference/methods/users.lookupByEmail, shortened to the fields read.
    private const string Found = """
        {"ok":true,"user":{"id":"W012A3CDE","team_id":"T012AB3C4","name":"spengler","deleted":false,"real_name":"Egon Spengler",
         "profile":{"real_name":"Egon Spengler","display_name":"spengler","email":"spengler@ghostbusters.example.com"},"is_bot":false}}
        """;

    private static (SlackApi Api, ScriptedHandler Handler) Create(string answer)
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json(answer));
        var options = Options.Create(new SlackOptions
        {
            AppToken = "xapp-1-A111-secret", BotToken = "xoxb-111-secret", ApiBaseUrl = new Uri("http://slack.test/api/"), UserGroupCacheTtl = TimeSpan.FromMinutes(5),
        });
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return (new SlackApi(new HttpClient(handler), options, time, NullLogger<SlackApi>.Instance), handler);
    }

    [Test]
    public async Task AMemberIsFoundByEmailWithoutCaseAndCached(CancellationToken ct)
    {
        var (api, handler) = Create(Found);

        var first = await api.LookupUserIdByEmailAsync("Spengler@Ghostbusters.example.com", ct);
        var again = await api.LookupUserIdByEmailAsync("spengler@ghostbusters.example.com", ct);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo("W012A3CDE"));
            Assert.That(again, Is.EqualTo("W012A3CDE"));
            Assert.That(handler.Requests.Select(r => r.Method), Is.EqualTo(new[] { "users.lookupByEmail" }), "one call, then the cache");
            Assert.That(handler.Requests.First().Body, Is.EqualTo("email=spengler%40ghostbusters.example.com"));
            Assert.That(handler.Requests.First().Authorization, Is.EqualTo("Bearer xoxb-111-secret"));
        });
    }

    [Test]
    public async Task AnAddressNoMemberHasIsNull(CancellationToken ct)
    {
        var (api, _) = Create("""{"ok":false,"error":"users_not_found"}""");

        Assert.That(await api.LookupUserIdByEmailAsync("nobody@example.com", ct), Is.Null);
    }

    [Test]
    public void AMissingScopeThrowsNamingIt()
    {
        var (api, handler) = Create("""{"ok":false,"error":"missing_scope","needed":"users:read.email","provided":"chat:write,users:read"}""");

        var e = Assert.ThrowsAsync<SlackApiException>(() => api.LookupUserIdByEmailAsync("a@example.com", CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Needed, Is.EqualTo("users:read.email"));
            Assert.That(handler.Requests, Has.Count.EqualTo(1), "never retried");
            Assert.That(SlackApi.RequiredScopes["users.lookupByEmail"], Is.EqualTo("users:read.email"));
        });
    }
}
