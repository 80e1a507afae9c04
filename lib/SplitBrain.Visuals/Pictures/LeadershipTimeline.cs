using System.Globalization;

namespace SplitBrain.Visuals;

/// <summary>
/// A timeline of leadership: one row per node, a bar for each term it believed it led, coloured by term.
/// Where bars overlap in time, two nodes both acted as leader: that window is shaded red and labelled.
/// </summary>
public static class LeadershipTimeline
{
    /// <summary>Draws the leadership in <paramref name="trace"/>.</summary>
    /// <param name="trace">The run's trace.</param>
    /// <param name="title">The chart title; null for one that states the longest split-brain window.</param>
    /// <param name="end">When the run ended; null: the time of the trace's last line.</param>
    public static PlotFigure Draw(IReadOnlyList<TraceEntry> trace, string? title = null, TimeSpan? end = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var intervals = LeadershipHistory.Intervals(trace, end);
        var windows = LeadershipHistory.Overlaps(intervals);
        var lanes = SpaceTimeDiagram.Lanes(trace);
        // One row per node that takes part in elections or leadership (votes, heartbeats); not stores or clients.
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

        var traces = intervals
            .GroupBy(i => i.Term)
            .OrderBy(g => g.Key.Value)
            .Select(g => new PlotTrace
            {
                Type = "bar",
                Orientation = "h",
                Name = g.Key.ToString(),
                Y = g.Select(i => (object?)i.Node.Name).ToArray(),
                Base = g.Select(i => (object?)i.From.TotalSeconds).ToArray(),
                X = g.Select(i => (object?)Math.Max(i.Length.TotalSeconds, 0.001)).ToArray(),
                Text = g.Select(i => (string?)i.Term.ToString()).ToArray(),
                TextPosition = "inside",
                HoverText = g.Select(i => (string?)$"{i.Node} led {i.Term} from {HtmlText.Seconds(i.From)} to {HtmlText.Seconds(i.Until)} ({i.Ended})").ToArray(),
                HoverInfo = "text",
                Marker = new PlotMarker(Palette.Series[(int)(Math.Abs(g.Key.Value) % Palette.Series.Count)]),
                Opacity = 0.85,
            })
            .ToList();

        var shapes = windows.Select(w => new PlotShape
        {
            X0 = w.From.TotalSeconds, X1 = w.Until.TotalSeconds, FillColor = Palette.SplitBrain, Opacity = 0.18,
            Line = new PlotLine(Palette.SplitBrain, 1, "dot"), Layer = "below",
        }).ToArray();
        var labels = windows.Select(w => new PlotAnnotation
        {
            X = (w.From + w.Until).TotalSeconds / 2, Y = 1, YAnchor = "bottom",
            Text = $"split brain: {w.Leaders.Count} leaders for {w.Length.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s",
            HoverText = HtmlText.E(w.ToString()),
            Font = new PlotFont(Palette.SplitBrain, 12),
        }).ToArray();

        string heading = title ?? (windows.Count == 0
            ? "Leadership: never more than one leader at a time"
            : $"Leadership: two leaders at once for {windows.Sum(w => w.Length.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture)} s in all");
        var order = nodeNames.Values.ToArray();
        return new PlotFigure(traces, new PlotLayout
        {
            Title = new PlotTitle(heading),
            XAxis = new PlotAxis { Title = new PlotTitle("virtual time (s)"), ZeroLine = false },
            YAxis = new PlotAxis { Type = "category", CategoryOrder = "array", CategoryArray = order, AutoRange = "reversed" },
            BarMode = "overlay",
            Height = Math.Max(260, 110 + (50 * order.Length)),
            HoverMode = "closest",
            Shapes = shapes,
            Annotations = labels,
            Margin = new Dictionary<string, int> { ["t"] = 80 },
        });
    }
}
