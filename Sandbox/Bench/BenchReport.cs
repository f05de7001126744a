using System.Globalization;
using System.Text;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>The table the benchmark prints: one row per figure, SocketDeployer beside Bolt, with the goal and whether it was met.</summary>
internal sealed class BenchReport
{
    private readonly List<Row> _rows = [];

    /// <param name="Met">null when the row has no goal.</param>
    private sealed record Row(string Metric, string Ours, string Bolt, string Ratio, string Goal, bool? Met);

    public IEnumerable<string> Missed => _rows.Where(r => r.Met == false).Select(r => $"{r.Metric}: {r.Ours} (goal {r.Goal})");

    public void Add(string metric, string ours, string bolt = "", string ratio = "", string goal = "", bool? met = null) =>
        _rows.Add(new Row(metric, ours, bolt, ratio, goal, met));

    /// <summary>SocketDeployer's figure over Bolt's, e.g. "0.31×".</summary>
    public static string Ratio(double ours, double bolt) =>
        double.IsNaN(ours) || double.IsNaN(bolt) || bolt == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{ours / bolt:0.00}×");

    public static string Mb(long bytes) => bytes < 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB");

    /// <summary>"71.0 MB (anon 40.1, file 30.9)": resident memory and what it is made of.</summary>
    public static string Rss(ProcStat stat) =>
        string.Create(CultureInfo.InvariantCulture, $"{Mb(stat.RssBytes)} (anon {stat.RssAnonBytes / 1048576.0:0.0}, file {stat.RssFileBytes / 1048576.0:0.0})");

    public string ToMarkdown()
    {
        var table = new StringBuilder();
        table.AppendLine("| figure | SocketDeployer | Bolt (JS) | ratio | goal | |");
        table.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in _rows)
        {
            var verdict = row.Met switch { true => "met", false => "**missed**", null => "" };
            table.AppendLine($"| {row.Metric} | {row.Ours} | {row.Bolt} | {row.Ratio} | {row.Goal} | {verdict} |");
        }

        return table.ToString();
    }
}
