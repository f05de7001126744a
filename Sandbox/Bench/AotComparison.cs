using System.Text;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>The Native AOT table: each figure for the AOT daemon, the JIT daemon and Bolt side by side, with the AOT goal.</summary>
internal sealed class AotComparison
{
    private readonly List<(string Metric, string Aot, string Jit, string Bolt, string Goal, bool? Met)> _rows = [];

    public bool IsEmpty => _rows.Count == 0;

    public IEnumerable<string> Missed => _rows.Where(r => r.Met == false).Select(r => $"AOT {r.Metric}: {r.Aot} (goal {r.Goal})");

    /// <param name="met">Whether the AOT figure meets <paramref name="goal"/>; null when the row has no goal.</param>
    public void Add(string metric, string aot, string jit, string bolt = "", string goal = "", bool? met = null) =>
        _rows.Add((metric, aot, jit, bolt, goal, met));

    public string ToMarkdown()
    {
        var table = new StringBuilder();
        table.AppendLine("| figure | Native AOT | JIT | Bolt (JS) | goal (AOT) | |");
        table.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in _rows)
        {
            var verdict = row.Met switch { true => "met", false => "**missed**", null => "" };
            table.AppendLine($"| {row.Metric} | {row.Aot} | {row.Jit} | {row.Bolt} | {row.Goal} | {verdict} |");
        }

        return table.ToString();
    }
}
