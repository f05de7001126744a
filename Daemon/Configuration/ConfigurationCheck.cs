using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Hosting;

namespace SocketDeployer.Daemon.Configuration;

/// <summary>
/// What both verbs do first, in one code path so that <c>check-config</c> and <c>run</c> can never disagree: build
/// the daemon's host (reading the file), then bind and validate every registered <see cref="OptionsSection"/>.
/// </summary>
internal sealed partial class ConfigurationCheck : IDisposable
{
    private ConfigurationCheck(IHost? host, IReadOnlyList<string> failures)
    {
        Host = host;
        Failures = failures;
    }

    /// <summary>The built host; null when the file could not be read.</summary>
    public IHost? Host { get; }

    /// <summary>Every failure at once, each naming its key (or the file, line and column).</summary>
    public IReadOnlyList<string> Failures { get; }

    /// <summary>Builds the host as <c>run</c> does and validates every options section it registered.</summary>
    public static ConfigurationCheck Run(DaemonCommandLine commandLine, Action<IServiceCollection>? configure)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        IHost host;
        try
        {
            host = DaemonHost.CreateBuilder(commandLine, configure).Build();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or FormatException)
        {
            return new ConfigurationCheck(null, [Unreadable(commandLine.ConfigPath, e)]);
        }

        return new ConfigurationCheck(host, Collect(host.Services));
    }

    /// <summary>Binds and validates every registered section: all failures, not just the first section's.</summary>
    public static List<string> Collect(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var failures = new List<string>();
        foreach (var section in services.GetServices<OptionsSection>())
        {
            try
            {
                section.Read(services);
            }
            catch (OptionsValidationException e)
            {
                failures.AddRange(e.Failures);
            }
            catch (InvalidOperationException e)
            {
                // The binder's own complaints ("Failed to convert configuration value at 'Queue:Concurrency' to type
                // 'System.Int32'") name the key.
                failures.Add(e.Message);
            }
        }

        return [.. failures.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The file's problem in one line: not found, or invalid JSON at line and column (counted from 1).</summary>
    public static string Unreadable(string path, Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return $"Configuration file {path} not found (use --config PATH)";
        }

        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException { LineNumber: { } line, BytePositionInLine: { } column } json)
            {
                var reason = PositionSuffix().Replace(json.Message, "").TrimEnd('.', ' ');
                return $"Configuration file {path} is not valid JSON: line {line + 1}, column {column + 1}: {reason}";
            }
        }

        return $"Configuration file {path} could not be read: {e.InnerException?.Message ?? e.Message}";
    }

    public void Dispose() => Host?.Dispose();

    // System.Text.Json appends "LineNumber: 3 | BytePositionInLine: 4." (both from 0); the message says it from 1.
    [GeneratedRegex(@"\s*(Path: \S* \| )?LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$")]
    private static partial Regex PositionSuffix();
}
