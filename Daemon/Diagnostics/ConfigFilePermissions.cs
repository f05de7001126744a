using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SocketDeployer.Daemon.Diagnostics;

/// <summary>
/// Warns at start-up when the <c>--config</c> file holds a secret (a Slack token or an AWS secret key) and Unix
/// permissions let the group or others read it. The warning names the file and the keys, never a value.
/// </summary>
internal static partial class ConfigFilePermissions
{
    private const UnixFileMode ReadableByOthers = UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    // Slack's token prefixes: bot, app-level, user, and the legacy/refresh kinds.
    private static readonly string[] SlackTokenPrefixes = ["xoxb-", "xapp-", "xoxp-", "xoxa-", "xoxr-", "xoxe."];

    // One wording for the log line of run and the warning line of check-config.
    private const string ExposedMessage = "Configuration file {Path} holds secrets ({Keys}) and is readable by group or others (mode {Mode}): chmod 600 it, or move the secrets to environment variables or systemd credentials";

    /// <summary>Logs one warning when <paramref name="path"/> holds secrets and is readable by group or others.</summary>
    public static void WarnIfExposed(string path, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        if (Exposure(path) is { } exposure)
        {
            Exposed(loggers.CreateLogger(typeof(ConfigFilePermissions).FullName!), exposure.Path, exposure.Keys, exposure.Mode);
        }
    }

    /// <summary>The same warning as text (for check-config), or null when the file exposes nothing.</summary>
    public static string? Describe(string path) =>
        Exposure(path) is { } exposure
            ? ExposedMessage.Replace("{Path}", exposure.Path, StringComparison.Ordinal)
                .Replace("{Keys}", exposure.Keys, StringComparison.Ordinal)
                .Replace("{Mode}", exposure.Mode, StringComparison.Ordinal)
            : null;

    private static (string Path, string Keys, string Mode)? Exposure(string path)
    {
        if (OperatingSystem.IsWindows() || ExposedSecretKeys(path) is not { Count: > 0 } keys)
        {
            return null;
        }

        return (Path.GetFullPath(path), string.Join(", ", keys), Convert.ToString((int)File.GetUnixFileMode(path), 8));
    }

    /// <summary>The configuration keys (<c>Slack:BotToken</c>) holding a secret, when group or others may read the file; else empty.</summary>
    public static IReadOnlyList<string> ExposedSecretKeys(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return [];
        }

        try
        {
            if ((File.GetUnixFileMode(path) & ReadableByOthers) == 0)
            {
                return [];
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var keys = new List<string>();
            Collect(document.RootElement, "", keys);
            return keys;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // Unreadable or not JSON: loading the configuration reports that, with a better message.
            return [];
        }
    }

    private static void Collect(JsonElement element, string key, List<string> keys)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, key.Length == 0 ? property.Name : $"{key}:{property.Name}", keys);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, $"{key}:{index++}", keys);
                }

                break;
            case JsonValueKind.String when IsSecret(key, element.GetString() ?? ""):
                keys.Add(key);
                break;
        }
    }

    private static bool IsSecret(string key, string value) =>
        SlackTokenPrefixes.Any(p => value.StartsWith(p, StringComparison.Ordinal))
        || (value.Length > 0 && (key.Contains("SecretAccessKey", StringComparison.OrdinalIgnoreCase)
            || key.EndsWith("aws_secret_access_key", StringComparison.OrdinalIgnoreCase)));

    [LoggerMessage(EventId = 6200, Level = LogLevel.Warning, Message = ExposedMessage)]
    private static partial void Exposed(ILogger logger, string path, string keys, string mode);
}
