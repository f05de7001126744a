using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Slack;

/// <summary>One Web API request as the workspace saw it and answered it.</summary>
/// <param name="Method">The method, e.g. <c>chat.postMessage</c>.</param>
/// <param name="Arguments">The arguments from the query, form or JSON body (the <c>token</c> field removed).</param>
/// <param name="Time">When it arrived.</param>
/// <param name="HttpStatus">200, or the status of an injected fault / rate limit.</param>
/// <param name="Ok">The <c>ok</c> of the answer.</param>
/// <param name="Error">The <c>error</c> of the answer, if any.</param>
public sealed record SlackApiCall(string Method, JsonObject Arguments, DateTimeOffset Time, int HttpStatus, bool Ok, string? Error);
