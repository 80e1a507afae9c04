using System.Globalization;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Chart = Plotly.NET.CSharp.Chart;

namespace SplitBrain.Visuals;

/// <summary>
/// A Lamport space-time diagram of a run: one horizontal lane per node, time running left to right, an arrow
/// from sender to receiver for every delivered message, a dashed red stub for every lost one, and markers for
/// elections, writes (rejected ones as red crosses), pauses, crashes and network changes. Hovering any mark
/// shows its details.
/// </summary>
public static class SpaceTimeDiagram
{
    private const double LaneHalfHeight = 0.32;

    /// <summary>Draws <paramref name="trace"/>.</summary>
    /// <param name="trace">The run's trace (a <see cref="Trace"/> or any list of its lines, oldest first).</param>
    /// <param name="options">Which part to show. Null: all of it, up to <see cref="SpaceTimeOptions.DefaultMaxMessages"/> arrows.</param>
    public static GenericChart Draw(IReadOnlyList<TraceEntry> trace, SpaceTimeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        options ??= new SpaceTimeOptions();
        if (options.MaxMessages < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxMessages, "MaxMessages cannot be negative.");
        }

        var lanes = Lanes(trace);
        var marks = new Marks(options);
        foreach (var entry in trace)
        {
            // Remember every send, even outside the window, so a delivery inside it can find its start.
            marks.RememberSend(entry);
            if ((options.From is { } from && entry.Time < from) || (options.Until is { } until && entry.Time > until))
            {
                continue;
            }

            marks.Add(entry, entry.Node is { } n ? lanes[n.Index] : -1, entry.Peer is { } p ? lanes[p.Index] : -1);
        }

        return marks.ToChart(LaneNames(trace, lanes));
    }

    /// <summary>Each node's lane, from 0 at the top, in the order the nodes were added to the simulation.</summary>
    internal static Dictionary<int, int> Lanes(IReadOnlyList<TraceEntry> trace)
    {
        var indexes = new SortedSet<int>();
        foreach (var entry in trace)
        {
            if (entry.Node is { } n)
            {
                indexes.Add(n.Index);
            }

            if (entry.Peer is { } p)
            {
                indexes.Add(p.Index);
            }
        }

        return indexes.Select((index, lane) => (index, lane)).ToDictionary(x => x.index, x => x.lane);
    }

    private static List<string> LaneNames(IReadOnlyList<TraceEntry> trace, Dictionary<int, int> lanes)
    {
        var names = new string[lanes.Count];
        foreach (var entry in trace)
        {
            if (entry.Node is { } n)
            {
                names[lanes[n.Index]] = n.Name;
            }

            if (entry.Peer is { } p)
            {
                names[lanes[p.Index]] = p.Name;
            }
        }

        return [.. names];
    }

    private static Shape PauseBox(double from, double to, int lane) =>
        ChartParts.Rect(from, to, Palette.Down, 0.25, lane - LaneHalfHeight, lane + LaneHalfHeight, yRef: "y");

    private static string Sec(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";

    private static string Hover(object? detail) => HtmlText.E(detail);

    /// <summary>
    /// The marks of the diagram, collected line by line from the trace (what happened, where and when), then drawn
    /// as one chart: arrows, stubs, points, shaded pauses and network changes.
    /// </summary>
    private sealed class Marks(SpaceTimeOptions options)
    {
        private readonly Dictionary<object, List<(int Peer, double At)>> sends = new(ReferenceEqualityComparer.Instance);
        private readonly Series arrows = new(), drops = new();
        private readonly Points accepted = new(), rejected = new(), leaders = new(), down = new();
        private readonly List<Shape> shapes = [];
        private readonly List<Annotation> annotations = [];
        private readonly Dictionary<int, double> pausedAt = [];
        private int messages, skipped;
        private double first = double.MaxValue, last = double.MinValue;

        /// <summary>Notes when a message was sent, so its delivery or loss can draw from there.</summary>
        internal void RememberSend(TraceEntry entry)
        {
            if (entry.Kind == TraceKind.Send && entry.Detail is { } sent && entry.Peer is { } to)
            {
                if (!sends.TryGetValue(sent, out var list))
                {
                    sends[sent] = list = [];
                }

                list.Add((to.Index, entry.Time.TotalSeconds));
            }
        }

        /// <summary>Adds the mark for one line inside the window; <paramref name="lane"/> and <paramref name="peerLane"/> are -1 when the line has no node or peer.</summary>
        internal void Add(TraceEntry entry, int lane, int peerLane)
        {
            double t = entry.Time.TotalSeconds;
            first = Math.Min(first, t);
            last = Math.Max(last, t);
            switch (entry.Kind)
            {
                case TraceKind.Deliver or TraceKind.Drop when lane >= 0 && peerLane >= 0:
                    AddMessage(entry, lane, peerLane, t);
                    break;
                case TraceKind.WriteAccepted when lane >= 0:
                    accepted.Add(t, lane, $"write ACCEPTED by {entry.Node} from {entry.Peer} at {Sec(t)}<br>{Hover(entry.Detail)}");
                    break;
                case TraceKind.WriteRejected when lane >= 0:
                    rejected.Add(t, lane, $"write REJECTED by {entry.Node} from {entry.Peer} at {Sec(t)}<br>{Hover(entry.Detail)}");
                    break;
                case TraceKind.Elected or TraceKind.SteppedDown or TraceKind.LeaseGranted or TraceKind.LeaseExpired when lane >= 0:
                    AddLeadership(entry, lane, t);
                    break;
                case TraceKind.Crash or TraceKind.Restart or TraceKind.Pause or TraceKind.Resume when lane >= 0:
                    AddDownTime(entry, lane, t);
                    break;
                case TraceKind.Partition or TraceKind.Cut or TraceKind.Heal:
                    AddNetworkChange(entry, t);
                    break;
            }
        }

        /// <summary>The chart of everything added, one lane per name in <paramref name="laneNames"/>.</summary>
        internal GenericChart ToChart(IReadOnlyList<string> laneNames)
        {
            if (first > last)
            {
                first = 0;
                last = 1;
            }

            foreach (var (lane, since) in pausedAt)
            {
                shapes.Add(PauseBox(since, last, lane)); // still paused when the window ends
            }

            if (skipped > 0)
            {
                annotations.Add(ChartParts.Label(0, -0.18,
                    $"{HtmlText.Count(messages - skipped)} of {HtmlText.Count(messages)} messages drawn; narrow the window with From/Until or Hide to see the rest",
                    Palette.Down, 11, xAnchor: "left", yAnchor: "top", xRef: "paper"));
            }

            var charts = new List<GenericChart> { LaneLines(laneNames.Count) };
            charts.AddRange(arrows.ToCharts("delivered message", Palette.Message, StyleParam.DrawingStyle.Solid));
            charts.AddRange(drops.ToCharts("lost message", Palette.Dropped, StyleParam.DrawingStyle.Dot));
            charts.AddRange(accepted.ToCharts("write accepted", Palette.Accepted, "circle", 11));
            charts.AddRange(rejected.ToCharts("write rejected", Palette.Rejected, "x", 14));
            charts.AddRange(leaders.ToCharts("leadership", Palette.Leader, null, 14));
            charts.AddRange(down.ToCharts("pause, crash, restart", Palette.Down, null, 12));

            string title = options.Title ?? $"Space-time diagram: {laneNames.Count} nodes, {HtmlText.Count(messages)} messages";
            return ChartParts.Combine(charts).Around(title,
                ChartParts.Axis("virtual time (s)", zeroLine: false),
                ChartParts.Axis(zeroLine: false)
                    .With("tickvals", laneNames.Select((_, i) => i).ToArray())
                    .With("ticktext", laneNames.ToArray())
                    .With("autorange", "reversed")
                    .With("showgrid", false),
                height: Math.Max(300, 120 + (80 * laneNames.Count)),
                shapes: shapes, labels: annotations,
                margin: new Dictionary<string, int> { ["t"] = 70, ["b"] = 80 });
        }

        private void AddMessage(TraceEntry entry, int lane, int peerLane, double t)
        {
            if (entry.Detail is { } message && options.Hide.Contains(message.GetType().Name))
            {
                return;
            }

            if (++messages > options.MaxMessages)
            {
                skipped++;
                return;
            }

            double start = SentAt(entry.Detail, entry.Peer!.Value.Index, t);
            string name = entry.Detail?.GetType().Name ?? "message";
            if (entry.Kind == TraceKind.Deliver)
            {
                arrows.Add(start, lane, t, peerLane,
                    $"{name} {entry.Node}→{entry.Peer}<br>sent {Sec(start)}, delivered {Sec(t)}<br>{Hover(entry.Detail)}");
            }
            else
            {
                // A lost message stops part of the way to its receiver, where the cut was.
                double end = lane + ((peerLane - lane) * 0.4);
                drops.Add(start, lane, Math.Max(t, start), end,
                    $"LOST {name} {entry.Node}→{entry.Peer}<br>sent {Sec(start)}, dropped {Sec(t)}<br>{Hover(entry.Detail)}");
            }
        }

        private void AddLeadership(TraceEntry entry, int lane, double t)
        {
            string verb = entry.Kind switch
            {
                TraceKind.Elected => "became leader",
                TraceKind.SteppedDown => "stepped down",
                TraceKind.LeaseGranted => $"granted a lease to {entry.Peer}",
                _ => "lease expired",
            };
            leaders.Add(t, lane, $"{entry.Node} {verb} at {Sec(t)}<br>{Hover(entry.Detail)}", entry.Kind == TraceKind.Elected ? "star" : "triangle-down");
        }

        private void AddDownTime(TraceEntry entry, int lane, double t)
        {
            switch (entry.Kind)
            {
                case TraceKind.Crash or TraceKind.Restart:
                    bool crash = entry.Kind == TraceKind.Crash;
                    down.Add(t, lane, $"{entry.Node} {(crash ? "crashed" : "restarted")} at {Sec(t)}", crash ? "x-thin-open" : "circle-open");
                    break;
                case TraceKind.Pause:
                    pausedAt[lane] = t;
                    break;
                default:
                    double since = pausedAt.Remove(lane, out var at) ? at : first;
                    shapes.Add(PauseBox(since, t, lane));
                    down.Add(t, lane, $"{entry.Node} paused from {Sec(since)} to {Sec(t)} ({(t - since).ToString("0.###", CultureInfo.InvariantCulture)} s) and carried on as if no time had passed", "line-ns-open");
                    break;
            }
        }

        private void AddNetworkChange(TraceEntry entry, double t)
        {
            string what = entry.Kind switch
            {
                TraceKind.Partition => entry.Detail?.ToString() ?? "partition",
                TraceKind.Cut => $"cut {entry.Node}→{entry.Peer}",
                _ => "heal",
            };
            shapes.Add(ChartParts.VerticalLine(t, ChartParts.Outline(Palette.Network, 1.5, "dash")));
            annotations.Add(ChartParts.Label(t, 1, $"{what} at {Sec(t)}", Palette.Network, 11, xAnchor: "left", yAnchor: "bottom"));
        }

        /// <summary>The grey line of every lane, from the first mark to the last; a null between two lanes lifts the pen.</summary>
        private GenericChart LaneLines(int count)
        {
            var x = new List<IConvertible>();
            var y = new List<IConvertible>();
            for (int lane = 0; lane < count; lane++)
            {
                x.AddRange([first, last, null!]);
                y.AddRange([lane, lane, null!]);
            }

            return Chart.Scatter<IConvertible, IConvertible, string>(x, y, StyleParam.Mode.Lines, Name: "lanes", ShowLegend: false,
                LineColor: ChartParts.Colour("#8888"), LineWidth: 1, UseDefaults: false).WithTraceField("hoverinfo", "skip");
        }

        /// <summary>When <paramref name="message"/> was last sent to <paramref name="peer"/> at or before <paramref name="fallback"/>; the fallback if never.</summary>
        private double SentAt(object? message, int peer, double fallback)
        {
            if (message is null || !sends.TryGetValue(message, out var list))
            {
                return fallback;
            }

            for (int i = list.Count - 1; i >= 0; i--)
            {
                if (list[i].Peer == peer && list[i].At <= fallback)
                {
                    return list[i].At;
                }
            }

            return fallback;
        }
    }

    /// <summary>Line segments drawn as one trace (a null between two segments lifts the pen), each ending in an arrowhead turned along it.</summary>
    private sealed class Series
    {
        private readonly List<IConvertible> x = [], y = [];
        private readonly List<int> size = [];
        private readonly List<string?> hover = [];

        internal void Add(double x0, double y0, double x1, double y1, string text)
        {
            x.AddRange([x0, x1, null!]);
            y.AddRange([y0, y1, null!]);
            size.AddRange([0, 11, 0]);
            hover.AddRange([text, text, null]);
        }

        /// <summary>The trace, or none when nothing was added (an empty trace would still take a legend entry).</summary>
        internal IEnumerable<GenericChart> ToCharts(string name, string color, StyleParam.DrawingStyle dash)
        {
            if (x.Count == 0)
            {
                yield break;
            }

            var colour = ChartParts.Colour(color);
            yield return Chart.Scatter<IConvertible, IConvertible, string>(x, y, StyleParam.Mode.Lines_Markers, Name: name,
                    MarkerColor: colour, LineColor: colour, LineWidth: 1.5, LineDash: dash, UseDefaults: false)
                .WithHoverTexts(hover).WithMarkerField("size", size.ToArray()).WithMarkerField("symbol", "arrow").WithMarkerField("angleref", "previous");
        }
    }

    /// <summary>Single marks, each with its own hover text and, optionally, its own symbol.</summary>
    private sealed class Points
    {
        private readonly List<double> x = [];
        private readonly List<int> y = [];
        private readonly List<string?> hover = [];
        private readonly List<string> symbols = [];

        internal void Add(double t, int lane, string text, string? symbol = null)
        {
            x.Add(t);
            y.Add(lane);
            hover.Add(text);
            symbols.Add(symbol ?? "circle");
        }

        /// <summary>The trace, or none when nothing was added; every mark with <paramref name="symbol"/>, or each with its own when it is null.</summary>
        internal IEnumerable<GenericChart> ToCharts(string name, string color, string? symbol, int size)
        {
            if (x.Count == 0)
            {
                yield break;
            }

            yield return Chart.Scatter<double, int, string>(x, y, StyleParam.Mode.Markers, Name: name, MarkerColor: ChartParts.Colour(color), UseDefaults: false)
                .WithHoverTexts(hover).WithMarkerField("size", size).WithMarkerField("symbol", symbol ?? (object)symbols.ToArray());
        }
    }
}
