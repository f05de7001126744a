using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SocketDeployer.Sandbox.Slack;

/// <summary>Reads a Web API request's arguments the way Slack accepts them: query, form, or a JSON body.</summary>
internal static class ApiArguments
{
    /// <summary>The arguments and the token from the form or query (a JSON body's token is not honoured, as in Slack).</summary>
    public static async Task<(JsonObject Arguments, string? FormToken)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var args = new JsonObject();
        foreach (var (key, value) in request.Query)
        {
            args[key] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var (key, value) in form)
            {
                args[key] = value.ToString();
            }
        }
        else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
            }
            catch (JsonException)
            {
                throw new SlackApiError("invalid_json");
            }

            if (body is not JsonObject json)
            {
                throw new SlackApiError("invalid_json");
            }

            foreach (var (key, value) in json)
            {
                if (key != "token")
                {
                    args[key] = value?.DeepClone();
                }
            }
        }

        var token = args["token"]?.ToString();
        args.Remove("token");
        return (args, token);
    }

    /// <summary>A scalar argument as text (JSON numbers and booleans as written), or null when absent or empty.</summary>
    public static string? String(this JsonObject args, string name) =>
        args[name] switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var s) => s.Length == 0 ? null : s,
            JsonNode node => node.ToJsonString(),
        };

    public static bool Bool(this JsonObject args, string name) =>
        args.String(name) is "true" or "1";
}
