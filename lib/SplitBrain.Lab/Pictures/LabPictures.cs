using System.Globalization;
using SplitBrain.Visuals;

namespace SplitBrain.Lab;

/// <summary>
/// Pictures of a lab run, for the lesson: the story as a timeline of tokens and verdicts, and who believed it held
/// the lease when. They use the same small Plotly model as the simulation's pictures.
/// </summary>
public static class LabPictures
{
    private static readonly string[] Clients = ["client-1", "client-2", "client-3"];

    /// <summary>
    /// One lane per client; each write is a marker labelled with its token, green when the guard accepted it and a
    /// red cross when it refused; a grey band shows client 1 frozen; etcd's own election, if any, is marked.
    /// </summary>
    /// <param name="report">A lab run.</param>
    /// <param name="title">The chart title; a default one names the store and coordinator.</param>
    public static PlotFigure Timeline(LabReport report, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lanes = Lanes(report);
        (string Kind, string Name, string Color, string Symbol)[] kinds =
        [
            ("acquired", "got the lease", Palette.Message, "circle-open"),
            ("accepted", "write accepted", Palette.Accepted, "circle"),
            ("refused", "write refused by the guard", Palette.Rejected, "x"),
        ];
        var traces = kinds.Select(k =>
        {
            var steps = report.Events.Where(e => e.Kind == k.Kind && lanes.Contains(e.Actor)).ToArray();
            return new PlotTrace
            {
                Name = k.Name,
                Mode = "markers+text",
                X = steps.Select(e => (object?)e.Seconds).ToArray(),
                Y = steps.Select(e => (object?)e.Actor).ToArray(),
                // The token is written on the writes only: a grant and the first write often land a few milliseconds apart.
                Text = steps.Select(e => (string?)(e.Token is { } t && k.Kind != "acquired" ? t.ToString(CultureInfo.InvariantCulture) : "")).ToArray(),
                TextPosition = "top center",
                HoverText = steps.Select(e => (string?)System.Net.WebUtility.HtmlEncode(e.ToString().Trim())).ToArray(),
                HoverInfo = "text",
                Marker = new PlotMarker(k.Color, 14, k.Symbol),
            };
        }).Where(t => t.X is { Count: > 0 }).ToList();

        var shapes = new List<PlotShape>();
        var annotations = new List<PlotAnnotation>();
        if (Between(report, "lab", "frozen", "resumed") is { } frozen)
        {
            shapes.Add(new PlotShape { X0 = frozen.From, X1 = frozen.Until, FillColor = Palette.Down, Opacity = 0.18, Layer = "below", Line = new PlotLine(Width: 0) });
            annotations.Add(new PlotAnnotation { X = (frozen.From + frozen.Until) / 2, Y = 1.02, Text = $"client-1 frozen (SIGSTOP) {frozen.Until - frozen.From:0.0} s", YAnchor = "bottom" });
        }

        foreach (var step in report.Events.Where(e => e.Actor == "etcd" && e.Kind is "frozen" or "leader"))
        {
            shapes.Add(new PlotShape { Type = "line", X0 = step.Seconds, X1 = step.Seconds, Line = new PlotLine(Palette.Network, 1.5, "dot") });
        }

        if (report.EtcdElection is { } act)
        {
            double at = report.Events.First(e => e.Actor == "etcd" && e.Kind == "leader").Seconds;
            annotations.Add(new PlotAnnotation { X = at, Y = -0.12, Text = $"etcd: {act.NewLeader} leads, term {act.TermBefore} → {act.TermAfter}", YAnchor = "top", Font = new PlotFont(Palette.Network, 12) });
        }

        return new PlotFigure(traces, new PlotLayout
        {
            Title = new PlotTitle(title ?? $"The lab on {report.Store} with {report.Coordinator} leases: tokens and the guard's verdicts"),
            XAxis = new PlotAxis { Title = new PlotTitle("seconds since the lab started (wall clock)"), ZeroLine = false },
            YAxis = new PlotAxis { Type = "category", CategoryOrder = "array", CategoryArray = lanes, AutoRange = "reversed" },
            Height = 200 + (60 * lanes.Length),
            HoverMode = "closest",
            Shapes = shapes,
            Annotations = annotations,
            Margin = new Dictionary<string, int> { ["l"] = 90, ["b"] = 90 },
        });
    }

    /// <summary>
    /// Who believed it held the lease, and when: a bar per client from getting the lease to learning it was lost
    /// (or letting go). Where two bars overlap, two processes believed they were the holder: the split brain that
    /// the guard made harmless. The holder's token is on its bar.
    /// </summary>
    /// <param name="report">A lab run.</param>
    /// <param name="title">The chart title.</param>
    public static PlotFigure Beliefs(LabReport report, string title = "Who believed it held the lease")
    {
        ArgumentNullException.ThrowIfNull(report);
        double end = report.Events.Count == 0 ? 0 : report.Events.Max(e => e.Seconds);
        var bars = Clients.Select(c =>
        {
            var got = report.Events.FirstOrDefault(e => e.Actor == c && e.Kind == "acquired");
            var gone = report.Events.FirstOrDefault(e => e.Actor == c && e.Kind is "lost" or "released");
            return got is null ? null : new Belief(c, got.Seconds, gone?.Seconds ?? end, got.Token ?? 0);
        }).OfType<Belief>().ToArray();

        var trace = new PlotTrace
        {
            Type = "bar",
            Name = "believes it holds the lease",
            Orientation = "h",
            X = bars.Select(b => (object?)Math.Round(b.Until - b.From, 3)).ToArray(),
            Base = bars.Select(b => (object?)b.From).ToArray(),
            Y = bars.Select(b => (object?)b.Client).ToArray(),
            Text = bars.Select(b => (string?)$"token {b.Token}").ToArray(),
            TextPosition = "inside",
            Marker = new PlotMarker(Palette.Leader),
            HoverInfo = "text",
            HoverText = bars.Select(b => (string?)$"{b.Client}: {b.From:0.00} s to {b.Until:0.00} s").ToArray(),
        };

        var shapes = new List<PlotShape>();
        var one = bars.FirstOrDefault(b => b.Client == "client-1");
        var two = bars.FirstOrDefault(b => b.Client == "client-2");
        if (one is not null && two is not null && two.From < one.Until)
        {
            shapes.Add(new PlotShape { X0 = two.From, X1 = Math.Min(one.Until, two.Until), FillColor = Palette.SplitBrain, Opacity = 0.15, Layer = "below", Line = new PlotLine(Width: 0) });
        }

        if (Between(report, "lab", "frozen", "resumed") is { } frozen)
        {
            shapes.Add(new PlotShape { X0 = frozen.From, X1 = frozen.Until, Y0 = 0, Y1 = 0.08, FillColor = Palette.Down, Opacity = 0.5, Line = new PlotLine(Width: 0) });
        }

        return new PlotFigure([trace], new PlotLayout
        {
            Title = new PlotTitle(title),
            XAxis = new PlotAxis { Title = new PlotTitle("seconds since the lab started (red: two believers; grey strip: client-1 frozen)"), ZeroLine = false },
            YAxis = new PlotAxis { Type = "category", AutoRange = "reversed" },
            Height = 180 + (50 * bars.Length),
            ShowLegend = false,
            Shapes = shapes,
            Margin = new Dictionary<string, int> { ["l"] = 90 },
        });
    }

    private sealed record Belief(string Client, double From, double Until, long Token);

    private static string[] Lanes(LabReport report) =>
        Clients.Where(c => report.Events.Any(e => e.Actor == c)).ToArray();

    private static (double From, double Until)? Between(LabReport report, string actor, string from, string until)
    {
        var start = report.Events.FirstOrDefault(e => e.Actor == actor && e.Kind == from);
        var stop = report.Events.FirstOrDefault(e => e.Actor == actor && e.Kind == until);
        return start is null || stop is null ? null : (start.Seconds, stop.Seconds);
    }
}
