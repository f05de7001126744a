using Microsoft.AspNetCore.Http;

namespace SocketDeployer.Sandbox.Web;

/// <summary>The page's files, embedded in the Sandbox assembly from Web/wwwroot (no build chain).</summary>
internal static class WebAssets
{
    private static readonly Dictionary<string, (string Resource, string ContentType)> Files = new(StringComparer.Ordinal)
    {
        ["/"] = ("wwwroot/index.html", "text/html; charset=utf-8"),
        ["/app.css"] = ("wwwroot/app.css", "text/css; charset=utf-8"),
        ["/app.js"] = ("wwwroot/app.js", "text/javascript; charset=utf-8"),
        ["/mrkdwn.js"] = ("wwwroot/mrkdwn.js", "text/javascript; charset=utf-8"),
        ["/blocks.js"] = ("wwwroot/blocks.js", "text/javascript; charset=utf-8"),
        ["/aws.js"] = ("wwwroot/aws.js", "text/javascript; charset=utf-8"),
    };

    public static async Task ServeAsync(HttpContext context, string path)
    {
        var response = context.Response;
        using var stream = Files.TryGetValue(path, out var file) ? typeof(WebAssets).Assembly.GetManifestResourceStream(file.Resource) : null;
        if (stream is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        response.ContentType = file.ContentType;
        // Message text is user input: even if some rendering slipped, no inline script or foreign source may run.
        response.Headers.ContentSecurityPolicy =
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        await stream.CopyToAsync(response.Body, context.RequestAborted);
    }
}
