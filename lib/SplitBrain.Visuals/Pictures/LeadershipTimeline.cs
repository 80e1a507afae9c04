using System.Globalization;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace SplitBrain.Visuals;

/// <summary>
/// A timeline of leadership: one row per node, a bar for each term it believed it led, coloured by term.
/// Where bars overlap in time, two nodes both acted as leader: that window is shaded red and labelled.
/// The bars and the windows are <see cref="Leadership.Intervals"/> and <see cref="Leadership.Overlaps"/>, the same
/// reading of the trace as the one-leader checker's.
/// </summary>
public static class LeadershipTimeline
{
    /// <summary>Draws the leadership in <paramref name="trace"/>.</summary>
    /// <param name="trace">The run's trace.</param>
    /// <param name="title">The chart title; null for one that states the longest split-brain window.</param>
    /// <param name="end">When the run ended; null: the time of the trace's last line.</param>
    public static GenericChart Draw(IReadOnlyList<TraceEntry> trace, string? title = null, TimeSpan? end = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var intervals = Leadership.Intervals(trace, end);
        var windows = Leadership.Overlaps(intervals);
        var bars = new List<GenericChart>();
        foreach (var term in intervals.GroupBy(i => i.Term).OrderBy(g => g.Key.Value))
        {
            var mine = term.ToArray();
            bars.Add(Chart.Bar<double, string, string>(
                    mine.Select(i => Math.Max(i.Length.TotalSeconds, 0.001)), Keys: mine.Select(i => i.Node.Name).ToArray(),
                    Name: term.Key.ToString(), Opacity: 0.85,
                    MultiText: mine.Select(i => i.Term.ToString()).ToArray(), TextPosition: StyleParam.TextPosition.Inside,
                    MarkerColor: ChartParts.Colour(Palette.Series[(int)(Math.Abs(term.Key.Value) % Palette.Series.Count)]), UseDefaults: false)
                .WithTraceField("base", mine.Select(i => i.From.TotalSeconds).ToArray())
                .WithHoverTexts(mine.Select(i => (string?)$"{i.Node} led {i.Term} from {HtmlText.Seconds(i.From)} to {HtmlText.Seconds(i.Until)} ({i.Ended})")));
        }

        var shapes = windows.Select(w => ChartParts.Rect(w.From.TotalSeconds, w.Until.TotalSeconds, Palette.SplitBrain, 0.18,
            outline: ChartParts.Outline(Palette.SplitBrain, 1, "dot")));
        var labels = windows.Select(w => ChartParts.Label((w.From + w.Until).TotalSeconds / 2, 1,
            $"split brain: {w.Leaders.Count} leaders for {w.Length.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s",
            Palette.SplitBrain, 12, yAnchor: "bottom", hover: HtmlText.E(w.ToString())));

        string heading = title ?? (windows.Count == 0
            ? "Leadership: never more than one leader at a time"
            : $"Leadership: two leaders at once for {windows.Sum(w => w.Length.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture)} s in all");
        var rows = Rows(trace);
        return ChartParts.Combine(bars).Around(heading,
            ChartParts.Axis("virtual time (s)", zeroLine: false),
            ChartParts.Categories(rows, reversed: true),
            height: Math.Max(260, 110 + (50 * rows.Count)),
            shapes: shapes, labels: labels,
            margin: new Dictionary<string, int> { ["t"] = 80 },
            barMode: "overlay");
    }

    /// <summary>One row per node that takes part in elections or leadership (votes, heartbeats), in lane order; not stores or clients.</summary>
    private static IReadOnlyList<string> Rows(IReadOnlyList<TraceEntry> trace)
    {
        var lanes = SpaceTimeDiagram.Lanes(trace);
        var nodeNames = new SortedDictionary<int, string>();
        foreach (var entry in trace)
        {
            bool voting = entry.Kind is TraceKind.Elected or TraceKind.SteppedDown
                || (entry.Kind == TraceKind.Send && entry.Detail is RequestVote or Vote or Heartbeat or HeartbeatAck);
            if (voting && entry.Node is { } n)
            {
                nodeNames[lanes[n.Index]] = n.Name;
            }

            if (voting && entry.Kind == TraceKind.Send && entry.Peer is { } p)
            {
                nodeNames[lanes[p.Index]] = p.Name;
            }
        }

        return nodeNames.Values.ToArray();
    }
}
