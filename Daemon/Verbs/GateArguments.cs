using System.Globalization;
using System.Text.RegularExpressions;

namespace SocketDeployer.Daemon.Verbs;

/// <summary>What <c>socketdeployer gate &lt;service&gt; --summary TEXT [--link URL] [--requested-by ID|EMAIL] [--timeout T]</c> asks for.</summary>
/// <param name="Timeout">How long to wait for a decision before cancelling the gate; null waits until the document's own approval timeout.</param>
internal sealed partial record GateArguments(string Service, string Summary, string? Link, string? RequestedBy, TimeSpan? Timeout)
{
    /// <summary>The options the verb owns (each takes a value).</summary>
    public static readonly IReadOnlySet<string> Options = new HashSet<string>(StringComparer.Ordinal) { "--summary", "--link", "--requested-by", "--timeout" };

    /// <summary>Reads the verb's own arguments (options with their values, and one service name); returns an error or null.</summary>
    public static string? TryParse(IReadOnlyList<string> args, out GateArguments? parsed)
    {
        parsed = null;
        string? service = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var (name, value) = Split(args[i]);
            if (Options.Contains(name))
            {
                if (value is null && i + 1 >= args.Count)
                {
                    return $"{name} needs a value";
                }

                values[name] = value ?? args[++i];
            }
            else if (service is null && !args[i].StartsWith('-'))
            {
                service = args[i];
            }
            else
            {
                return $"unknown argument '{args[i]}'";
            }
        }

        if (service is null)
        {
            return "gate needs a service (socketdeployer gate <service> --summary TEXT)";
        }

        if (!values.TryGetValue("--summary", out var summary) || string.IsNullOrWhiteSpace(summary))
        {
            return "gate needs --summary TEXT (what the approvers are asked to allow)";
        }

        TimeSpan? timeout = null;
        if (values.TryGetValue("--timeout", out var text))
        {
            if (ParseDuration(text) is not { } duration || duration <= TimeSpan.Zero)
            {
                return $"--timeout '{text}' is not a duration like 30m, 90s, 1h30m or 00:30:00";
            }

            timeout = duration;
        }

        parsed = new GateArguments(service, summary, NullIfEmpty(values.GetValueOrDefault("--link")), NullIfEmpty(values.GetValueOrDefault("--requested-by")), timeout);
        return null;
    }

    /// <summary><c>30m</c>, <c>90s</c>, <c>1h30m</c>, <c>2h</c>, or a TimeSpan (<c>00:30:00</c>).</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var match = Duration().Match(text);
        if (match.Success && match.Length > 0)
        {
            double Part(string group) => match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
            return TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m")) + TimeSpan.FromSeconds(Part("s"));
        }

        return text.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [GeneratedRegex(@"^(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?(?:(?<s>\d+)s)?$")]
    private static partial Regex Duration();
}
