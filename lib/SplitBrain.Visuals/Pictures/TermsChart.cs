using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace SplitBrain.Visuals;

/// <summary>
/// The term each node knows, over time: one step line per node. A term travels on every election message
/// (a vote request, a vote, a heartbeat, its ack), and a node that sees a higher one adopts it, so the lines
/// only go up. That is a generation clock: it counts elections, not seconds.
/// </summary>
public static class TermsChart
{
    /// <summary>
    /// The term each node showed in the election messages it sent, as (time, node, term) steps, in time order.
    /// A node appears from its first such message; a step is kept only when its term changes.
    /// </summary>
    /// <param name="trace">A run with elections.</param>
    public static IReadOnlyList<(TimeSpan Time, string Node, long Term)> Steps(IEnumerable<TraceEntry> trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var known = new Dictionary<string, long>(StringComparer.Ordinal);
        var steps = new List<(TimeSpan, string, long)>();
        foreach (var entry in trace)
        {
            if (entry.Kind != TraceKind.Send || entry.Node is not { } node || TermOf(entry.Detail) is not { } term)
            {
                continue;
            }

            if (!known.TryGetValue(node.Name, out long before) || before != term.Value)
            {
                known[node.Name] = term.Value;
                steps.Add((entry.Time, node.Name, term.Value));
            }
        }

        return steps;
    }

    /// <summary>Draws the term each node knows, from <see cref="Steps"/>.</summary>
    /// <param name="trace">A run with elections.</param>
    /// <param name="end">Where the lines stop; null: at the last step.</param>
    /// <param name="title">The chart title.</param>
    public static GenericChart Draw(IEnumerable<TraceEntry> trace, TimeSpan? end = null, string title = "The term each node knows")
    {
        var steps = Steps(trace);
        double last = end?.TotalSeconds ?? (steps.Count == 0 ? 0 : steps.Max(s => s.Time.TotalSeconds));
        var nodes = steps.Select(s => s.Node).Distinct().Order(StringComparer.Ordinal).ToArray();
        var lines = new List<GenericChart>();
        for (int i = 0; i < nodes.Length; i++)
        {
            string node = nodes[i];
            var mine = steps.Where(s => s.Node == node).ToList();
            var colour = ChartParts.Colour(Palette.Series[i % Palette.Series.Count]);
            var hover = mine.Select(s => (string?)$"{node} knows term {s.Term} from {HtmlText.Seconds(s.Time)}").Append($"{node}: term {mine[^1].Term} at the end");
            lines.Add(Chart.Scatter<double, long, string>(
                    mine.Select(s => s.Time.TotalSeconds).Append(last), mine.Select(s => s.Term).Append(mine[^1].Term), StyleParam.Mode.Lines_Markers,
                    Name: node, MarkerColor: colour, LineColor: colour, LineWidth: 2.5,
                    LineDash: i % 2 == 0 ? StyleParam.DrawingStyle.Solid : StyleParam.DrawingStyle.Dash, UseDefaults: false)
                .WithHoverTexts(hover).WithLineField("shape", "hv").WithMarkerField("size", 7));
        }

        return ChartParts.Combine(lines).Around(title,
            ChartParts.Axis("virtual time (s)", zeroLine: false),
            ChartParts.Axis("term", zeroLine: false),
            height: 340);
    }

    private static Term? TermOf(object? message) => message switch
    {
        RequestVote r => r.Term,
        Vote v => v.Term,
        Heartbeat h => h.Term,
        HeartbeatAck a => a.Term,
        _ => null,
    };
}
