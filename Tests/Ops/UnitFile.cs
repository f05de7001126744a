namespace SocketDeployer.Tests.Ops;

/// <summary>A systemd unit file read as sections of repeatable key=value lines (systemd.syntax(7)).</summary>
internal sealed class UnitFile
{
    private readonly Dictionary<string, List<KeyValuePair<string, string>>> _sections = new(StringComparer.Ordinal);

    private UnitFile()
    {
    }

    public static UnitFile Parse(string text)
    {
        var unit = new UnitFile();
        List<KeyValuePair<string, string>>? section = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                section = [];
                unit._sections.Add(line[1..^1], section);
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (section is null || equals <= 0)
            {
                throw new FormatException($"not a unit file line: {line}");
            }

            section.Add(KeyValuePair.Create(line[..equals].Trim(), line[(equals + 1)..].Trim()));
        }

        return unit;
    }

    /// <summary>Every value a key was given in a section, in order.</summary>
    public IReadOnlyList<string> All(string section, string key) =>
        _sections.TryGetValue(section, out var entries) ? entries.Where(e => e.Key == key).Select(e => e.Value).ToList() : [];

    /// <summary>The value that wins for a single-valued key: the last one.</summary>
    public string? Last(string section, string key) => All(section, key).LastOrDefault();
}
