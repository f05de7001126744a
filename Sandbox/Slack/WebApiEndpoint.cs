using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SocketDeployer.Sandbox.Slack;

/// <summary>POST /api/{method}: authentication, scopes, injected faults, rate limits, then the method.</summary>
internal sealed class WebApiEndpoint
{
    private enum TokenKind
    {
        Bot,
        App,
        Either,
    }

    private sealed record MethodSpec(TokenKind Token, string? Scope, Func<JsonObject, JsonObject> Invoke);

    private readonly WorkspaceContext _workspace;
    private readonly Dictionary<string, MethodSpec> _methods;
    private readonly Lock _callsGate = new();
    private readonly List<SlackApiCall> _calls = [];

    public WebApiEndpoint(WorkspaceContext workspace, ChatMethods chat, DirectoryMethods directory)
    {
        _workspace = workspace;
        _methods = new(StringComparer.Ordinal)
        {
            ["apps.connections.open"] = new(TokenKind.App, "connections:write", directory.ConnectionsOpen),
            ["auth.test"] = new(TokenKind.Either, null, directory.AuthTest),
            ["chat.postMessage"] = new(TokenKind.Bot, "chat:write", chat.PostMessage),
            ["chat.postEphemeral"] = new(TokenKind.Bot, "chat:write", chat.PostEphemeral),
            ["chat.update"] = new(TokenKind.Bot, "chat:write", chat.Update),
            ["usergroups.list"] = new(TokenKind.Bot, "usergroups:read", directory.UserGroupsList),
            ["usergroups.users.list"] = new(TokenKind.Bot, "usergroups:read", directory.UserGroupUsers),
            ["users.info"] = new(TokenKind.Bot, "users:read", directory.UsersInfo),
            ["users.lookupByEmail"] = new(TokenKind.Bot, "users:read.email", directory.UsersLookupByEmail),
        };
    }

    public IReadOnlyList<SlackApiCall> Calls
    {
        get
        {
            lock (_callsGate)
            {
                return [.. _calls];
            }
        }
    }

    public ChangeSignal CallsChanged { get; } = new();

    public async Task HandleAsync(HttpContext context, string method)
    {
        var arrived = _workspace.Time.GetUtcNow();
        var args = new JsonObject();
        var response = context.Response;
        try
        {
            (args, var formToken) = await ApiArguments.ReadAsync(context.Request, context.RequestAborted);
            if (_workspace.Faults.TakeDelay(method) is { } delay && !await WaitOutAsync(delay, context.RequestAborted))
            {
                Record(method, args, arrived, 499, "client_closed_request");
                return;
            }

            if (_workspace.Faults.TakeHttp(method) is { } fault)
            {
                Log.InjectedFault(_workspace.Logger, method, fault.HttpStatus);
                await WriteFaultAsync(response, fault);
                Record(method, args, arrived, fault.HttpStatus, fault.HttpStatus == 429 ? "ratelimited" : $"http_{fault.HttpStatus}");
                return;
            }

            var token = BearerToken(context.Request) ?? formToken;
            var answer = Invoke(method, token, args);
            Record(method, args, arrived, 200, null);
            await WriteJsonAsync(response, answer);
        }
        catch (RateLimited limited)
        {
            await WriteFaultAsync(response, new PlannedFault(429, limited.RetryAfter));
            Record(method, args, arrived, 429, "ratelimited");
        }
        catch (SlackApiError error)
        {
            var answer = new JsonObject { ["ok"] = false, ["error"] = error.Error };
            if (error.Needed is not null)
            {
                answer["needed"] = error.Needed;
                answer["provided"] = error.Provided;
            }

            Record(method, args, arrived, 200, error.Error);
            await WriteJsonAsync(response, answer);
        }
    }

    private async Task<bool> WaitOutAsync(TimeSpan delay, CancellationToken aborted)
    {
        var released = _workspace.Faults.HeldRelease;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted, released);
        try
        {
            await Task.Delay(delay, _workspace.Time, wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return !aborted.IsCancellationRequested && released.IsCancellationRequested;
        }
    }

    private JsonObject Invoke(string method, string? token, JsonObject args)
    {
        var options = _workspace.Options;
        if (string.IsNullOrEmpty(token))
        {
            throw new SlackApiError("not_authed");
        }

        var kind = token == options.BotToken ? TokenKind.Bot : token == options.AppToken ? TokenKind.App : (TokenKind?)null;
        if (kind is null)
        {
            throw new SlackApiError("invalid_auth");
        }

        if (!_methods.TryGetValue(method, out var spec))
        {
            throw new SlackApiError("unknown_method");
        }

        if (spec.Token != TokenKind.Either && spec.Token != kind)
        {
            throw new SlackApiError("not_allowed_token_type");
        }

        if (spec.Scope is { } scope && _workspace.Faults.IsRevoked(scope))
        {
            throw new SlackApiError("missing_scope", scope, ProvidedScopes(kind.Value));
        }

        if (_workspace.EnforceRateLimits)
        {
            var (perMinute, burst) = RateLimiter.LimitOf(method);
            var key = method == "chat.postMessage" ? method + "/" + args.String("channel") : method;
            if (_workspace.RateLimiter.TryAcquire(key, perMinute, burst) is { } retryAfter)
            {
                throw new RateLimited(retryAfter);
            }
        }

        return spec.Invoke(args);
    }

    private string ProvidedScopes(TokenKind kind)
    {
        string[] granted = kind == TokenKind.App ? ["connections:write"] : ["chat:write", "usergroups:read", "users:read", "users:read.email"];
        return string.Join(',', granted.Where(s => !_workspace.Faults.IsRevoked(s)));
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private void Record(string method, JsonObject args, DateTimeOffset time, int status, string? error)
    {
        lock (_callsGate)
        {
            _calls.Add(new SlackApiCall(method, args, time, status, status == 200 && error is null, error));
        }

        CallsChanged.Pulse();
    }

    private static Task WriteJsonAsync(HttpResponse response, JsonObject body)
    {
        response.StatusCode = 200;
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(body.ToJsonString());
    }

    private static Task WriteFaultAsync(HttpResponse response, PlannedFault fault)
    {
        response.StatusCode = fault.HttpStatus;
        if (fault.HttpStatus == 429)
        {
            var seconds = (int)Math.Max(1, Math.Ceiling((fault.RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds));
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            response.ContentType = "application/json; charset=utf-8";
            return response.WriteAsync("""{"ok":false,"error":"ratelimited"}""");
        }

        if (fault.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        response.ContentType = "text/html";
        return response.WriteAsync($"<html><body>{fault.HttpStatus}</body></html>");
    }

    private sealed class RateLimited(TimeSpan retryAfter) : Exception("ratelimited")
    {
        public TimeSpan RetryAfter { get; } = retryAfter;
    }
}
