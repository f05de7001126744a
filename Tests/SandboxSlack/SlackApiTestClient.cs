using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SocketDeployer.Sandbox.Slack;

namespace SocketDeployer.Tests.SandboxSlack;

/// <summary>Plain HttpClient calls to the workspace's Web API, form or JSON encoded.</summary>
internal sealed class SlackApiTestClient(SlackWorkspace workspace) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = workspace.ApiBaseUrl };

    public async Task<(HttpResponseMessage Response, JsonObject? Body)> PostFormAsync(string method, string? token, params (string Key, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await SendAsync(request);
    }

    public async Task<(HttpResponseMessage Response, JsonObject? Body)> PostJsonAsync(string method, string? token, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await SendAsync(request);
    }

    /// <summary>Calls with the bot token and expects <c>ok:true</c>.</summary>
    public async Task<JsonObject> BotAsync(string method, JsonObject body)
    {
        var (response, json) = await PostJsonAsync(method, workspace.BotToken, body);
        Assert.That(response.IsSuccessStatusCode, Is.True);
        Assert.That(json?["ok"]?.GetValue<bool>(), Is.True, () => json?.ToJsonString() ?? "no body");
        return json!;
    }

    /// <summary>Calls with the bot token and returns Slack's error code.</summary>
    public async Task<string?> BotErrorAsync(string method, JsonObject body)
    {
        var (response, json) = await PostJsonAsync(method, workspace.BotToken, body);
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(json?["ok"]?.GetValue<bool>(), Is.False, () => json?.ToJsonString() ?? "no body");
        return json?["error"]?.ToString();
    }

    public async Task<Uri> OpenConnectionUrlAsync()
    {
        var (_, json) = await PostFormAsync("apps.connections.open", workspace.AppToken);
        Assert.That(json?["ok"]?.GetValue<bool>(), Is.True, () => json?.ToJsonString() ?? "no body");
        return new Uri(json!["url"]!.ToString());
    }

    public void Dispose() => _http.Dispose();

    private async Task<(HttpResponseMessage, JsonObject?)> SendAsync(HttpRequestMessage request)
    {
        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(text)?.AsObject() : null;
        return (response, json);
    }
}
