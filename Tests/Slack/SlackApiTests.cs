using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Slack;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Slack;

[CancelAfter(30_000)]
public class SlackApiTests
{
    private const string AppToken = "xapp-1-A111-secret-app-token";
    private const string BotToken = "xoxb-111-secret-bot-token";
    private static readonly TimeSpan Backoffs = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromHours(12);

    private static (SlackApi Api, ScriptedHandler Handler, TimerWatchingFakeTimeProvider Time) Create(
        Func<RecordedRequest, HttpResponseMessage>? fallback = null, TimeSpan? baseDelay = null)
    {
        var handler = new ScriptedHandler(fallback ?? (_ => ScriptedHandler.Json("""{"ok":true,"ts":"1.2","url":"wss://x/link/?ticket=1"}""")));
        var time = new TimerWatchingFakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new SlackOptions
        {
            AppToken = AppToken,
            BotToken = BotToken,
            ApiBaseUrl = new Uri("http://slack.test/api/"),
            UserGroupCacheTtl = TimeSpan.FromMinutes(5),
        });
        var resilience = Options.Create(new SlackApiResilienceOptions
        {
            MaxRetryAttempts = 3,
            BaseDelay = baseDelay ?? TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromMinutes(10),
            // Longer than any backoff, so driving the clock through the backoffs never times an attempt out.
            AttemptTimeout = AttemptTimeout,
        });
        var api = new SlackApi(new HttpClient(handler), options, time, NullLogger<SlackApi>.Instance, resilience);
        return (api, handler, time);
    }

    [Test]
    public async Task TooManyRequestsIsRetriedAfterRetryAfter(CancellationToken ct)
    {
        // A ten-minute backoff: the one wait taken is Retry-After's 1 s, not the backoff.
        var (api, handler, time) = Create(baseDelay: TimeSpan.FromMinutes(10));
        handler.Then(HttpStatusCode.TooManyRequests, "", r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(1)));

        var post = api.PostMessageAsync("C1", null, new SlackMessage("hi"), ct);
        var waits = await time.DriveAsync(post, Backoffs);

        Assert.That(await post, Is.EqualTo("1.2"));
        Assert.That(waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(1) }));
        Assert.That(handler.Requests.Select(r => r.Method), Is.EqualTo(new[] { "chat.postMessage", "chat.postMessage" }));
    }

    [Test]
    public async Task ServerErrorsAreRetried(CancellationToken ct)
    {
        var (api, handler, time) = Create();
        handler.Then(HttpStatusCode.InternalServerError, "oops");
        handler.Then(HttpStatusCode.BadGateway, "<html/>");

        await time.DriveAsync(api.UpdateMessageAsync("C1", "1.2", new SlackMessage("hi"), ct), Backoffs);

        Assert.That(handler.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public void PersistentServerErrorsGiveUpWithHttpRequestException()
    {
        var (api, handler, time) = Create(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));

        var ex = Assert.ThrowsAsync<HttpRequestException>(() => time.DriveAsync(api.AuthTestAsync(CancellationToken.None), Backoffs));

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(handler.Requests, Has.Count.EqualTo(4));
    }

    [Test]
    public void OkFalseIsTypedAndNotRetried()
    {
        var (api, handler, _) = Create(_ => ScriptedHandler.Json("""{"ok":false,"error":"missing_scope","needed":"chat:write","provided":"users:read"}"""));

        var ex = Assert.ThrowsAsync<SlackApiException>(() => api.PostEphemeralAsync("C1", "U1", null, new SlackMessage("x"), CancellationToken.None));

        Assert.That(ex!.Method, Is.EqualTo("chat.postEphemeral"));
        Assert.That(ex.Error, Is.EqualTo("missing_scope"));
        Assert.That(ex.Needed, Is.EqualTo("chat:write"));
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
        Assert.That(ex.ToString(), Does.Not.Contain(BotToken).And.Not.Contain(AppToken));
    }

    [Test]
    public void TokensAreAbsentFromTransportFailures()
    {
        var (api, _, time) = Create(_ => throw new HttpRequestException("connection refused"));

        var ex = Assert.ThrowsAsync<HttpRequestException>(() => time.DriveAsync(api.OpenConnectionAsync(CancellationToken.None), Backoffs));

        Assert.That(ex!.ToString(), Does.Not.Contain("secret"));
    }

    [Test]
    public async Task ChatMethodsSendJsonWithTheBotToken(CancellationToken ct)
    {
        var (api, handler, _) = Create();
        var blocks = new JsonArray(new JsonObject { ["type"] = "divider" });

        await api.PostMessageAsync("C1", "9.9", new SlackMessage("hello", blocks), ct);

        var request = handler.Requests.Single();
        Assert.That(request.Authorization, Is.EqualTo("Bearer " + BotToken));
        Assert.That(request.ContentType, Is.EqualTo("application/json; charset=utf-8"));
        var body = JsonNode.Parse(request.Body)!;
        Assert.That((string?)body["channel"], Is.EqualTo("C1"));
        Assert.That((string?)body["thread_ts"], Is.EqualTo("9.9"));
        Assert.That((string?)body["text"], Is.EqualTo("hello"));
        Assert.That((string?)body["blocks"]![0]!["type"], Is.EqualTo("divider"));
    }

    [Test]
    public async Task LookupsSendFormsAndConnectionsOpenUsesTheAppToken(CancellationToken ct)
    {
        var (api, handler, _) = Create(r => ScriptedHandler.Json(r.Method switch
        {
            "users.info" => """{"ok":true,"user":{"name":"bob","real_name":"Bob R","profile":{"display_name":"","real_name":"Bob R"}}}""",
            _ => """{"ok":true,"url":"wss://wss.slack.com/link/?ticket=1234-5678"}""",
        }));

        var url = await api.OpenConnectionAsync(ct);
        var name = await api.GetUserNameAsync("U1", ct);

        Assert.That(url, Is.EqualTo(new Uri("wss://wss.slack.com/link/?ticket=1234-5678")));
        Assert.That(name, Is.EqualTo("Bob R"));
        var requests = handler.Requests.ToArray();
        Assert.That(requests[0].Authorization, Is.EqualTo("Bearer " + AppToken));
        Assert.That(requests[1].Authorization, Is.EqualTo("Bearer " + BotToken));
        Assert.That(requests[1].ContentType, Does.StartWith("application/x-www-form-urlencoded"));
        Assert.That(requests[1].Body, Is.EqualTo("user=U1"));
    }

    [Test]
    public async Task GroupMembersAreCachedForTheTtl(CancellationToken ct)
    {
        var calls = 0;
        var (api, handler, time) = Create(_ => ScriptedHandler.Json($$"""{"ok":true,"users":["U{{++calls}}"]}"""));

        var first = await api.GetUserGroupMembersAsync("S1", ct);
        time.Advance(TimeSpan.FromMinutes(4));
        var cached = await api.GetUserGroupMembersAsync("S1", ct);
        time.Advance(TimeSpan.FromMinutes(2));
        var reread = await api.GetUserGroupMembersAsync("S1", ct);

        Assert.That(first, Is.EqualTo(new[] { "U1" }));
        Assert.That(cached, Is.EqualTo(new[] { "U1" }));
        Assert.That(reread, Is.EqualTo(new[] { "U2" }));
        Assert.That(handler.Requests.First().Body, Is.EqualTo("usergroup=S1"));
    }

    [Test]
    public async Task GroupHandlesComeFromOneCachedList(CancellationToken ct)
    {
        var (api, handler, _) = Create(_ => ScriptedHandler.Json(
            """{"ok":true,"usergroups":[{"id":"S1","handle":"deployers"},{"id":"S2","handle":"approvers"}]}"""));

        var one = await api.GetUserGroupHandleAsync("S1", ct);
        var two = await api.GetUserGroupHandleAsync("S2", ct);
        var unknown = await api.GetUserGroupHandleAsync("S9", ct);

        Assert.That((one, two, unknown), Is.EqualTo(("deployers", "approvers", "S9")));
        Assert.That(handler.Requests.Single().Method, Is.EqualTo("usergroups.list"));
    }

    [Test]
    public void MethodsAndScopesCoverEachOther()
    {
        Assert.That(SlackApi.Methods, Is.EquivalentTo(SlackApi.RequiredScopes.Keys));
        Assert.That(SlackApi.RequiredScopes["usergroups.users.list"], Is.EqualTo("usergroups:read"));
        Assert.That(SlackApi.RequiredScopes["apps.connections.open"], Is.EqualTo("connections:write"));
    }
}
