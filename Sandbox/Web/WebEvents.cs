using Microsoft.AspNetCore.Http;

namespace SocketDeployer.Sandbox.Web;

/// <summary>
/// The state as server-sent events: one <c>data:</c> frame per change a viewer can see. Changes are Slack's message
/// store, every event the AWS side puts on the queue (each step and execution transition), the step controls and
/// the audit log file.
/// </summary>
internal sealed class WebEvents : IDisposable
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private readonly WebSandbox _sandbox;
    private readonly WebState _state;
    private readonly Slack.ChangeSignal _changed = new();
    private readonly FileSystemWatcher _audit;

    public WebEvents(WebSandbox sandbox, WebState state)
    {
        _sandbox = sandbox;
        _state = state;
        sandbox.Environment.Aws.MessageSent += OnSent;
        sandbox.Controls.Changed += _changed.Pulse;
        _audit = new FileSystemWatcher(sandbox.Environment.WorkDirectory, Path.GetFileName(sandbox.Environment.AuditLogPath))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName,
        };
        _audit.Changed += OnAudit;
        _audit.Created += OnAudit;
        _audit.EnableRaisingEvents = true;
    }

    public async Task StreamAsync(HttpContext context, CancellationToken cancellationToken)
    {
        // A page that names nobody (a first visit) acts as the first person of the workspace.
        var people = _sandbox.Environment.Slack.People;
        var asked = context.Request.Query["viewer"].ToString();
        var viewer = people.Any(p => p.Id == asked) ? asked : people[0].Id;

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        var last = "";
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // Take the signals before reading, so a change during the read is never missed.
                var next = Task.WhenAny(_changed.Next, _sandbox.Environment.Slack.MessagesChanged.Next);
                var state = _state.Build(viewer);
                if (state != last)
                {
                    await context.Response.WriteAsync($"data: {state}\n\n", cancellationToken);
                    last = state;
                }
                else
                {
                    await context.Response.WriteAsync(": idle\n\n", cancellationToken);
                }

                await context.Response.Body.FlushAsync(cancellationToken);
                try
                {
                    await next.WaitAsync(KeepAlive, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // Nothing changed: the next round writes a comment, which keeps proxies and the browser's stream alive.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed, or the server stops.
        }
    }

    public void Dispose()
    {
        _sandbox.Environment.Aws.MessageSent -= OnSent;
        _sandbox.Controls.Changed -= _changed.Pulse;
        _audit.Dispose();
    }

    private void OnSent(string queueUrl, string body) => _changed.Pulse();

    private void OnAudit(object sender, FileSystemEventArgs e) => _changed.Pulse();
}
