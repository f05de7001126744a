using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SocketDeployer.Sandbox.Web;

namespace SocketDeployer.Tests.Web;

/// <summary>The page's server answers only itself: its own host name, JSON actions from its own origin.</summary>
public sealed class WebServerGuardTests
{
    private WebSandbox _sandbox = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _sandbox = await WebSandbox.StartAsync(new WebSandboxOptions());
        _http = new HttpClient { BaseAddress = _sandbox.Url };
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _http.Dispose();
        Assert.That(await _sandbox.StopAsync(), Is.Zero);
    }

    [Test]
    public async Task The_page_is_served_with_a_policy_that_allows_no_inline_script()
    {
        using var response = await _http.GetAsync("/");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self'"));
    }

    [Test]
    public async Task A_request_for_another_host_name_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = $"rebound.example:{_sandbox.Url.Port}";
        using var response = await _http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MisdirectedRequest));
    }

    [TestCase("text/plain", null)]
    [TestCase("application/json", "http://evil.example")]
    public async Task An_action_that_is_not_JSON_from_the_page_itself_is_refused(string contentType, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/say")
        {
            Content = new StringContent("""{"viewer":"U0ALICE","text":"run deploy app r-99.1.0"}""", Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await _http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(_sandbox.Environment.Slack.Messages(_sandbox.Catalog.DeployChannel), Is.Empty, "nothing was posted");
    }

    [Test]
    public async Task A_click_on_a_button_no_message_shows_is_refused()
    {
        using var content = new StringContent("""{"viewer":"U0BOB","ts":"1.000001","actionId":"socketdeployer.approve"}""", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("/api/click", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("no such button"));
    }
}
