using System.Globalization;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using SplitBrain.Visuals;
using Chart = Plotly.NET.CSharp.Chart;

namespace SplitBrain.Lab;

/// <summary>
/// Pictures of a lab run, for the lesson: the story as a timeline of tokens and verdicts, and who believed it held
/// the lease when. They are Plotly.NET charts, like the simulation's pictures.
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
    public static GenericChart Timeline(LabReport report, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lanes = Lanes(report);
        (string Kind, string Name, string Color, string Symbol)[] kinds =
        [
            ("acquired", "got the lease", Palette.Message, "circle-open"),
            ("accepted", "write accepted", Palette.Accepted, "circle"),
            ("refused", "write refused by the guard", Palette.Rejected, "x"),
        ];
        var marks = new List<GenericChart>();
        foreach (var k in kinds)
        {
            var steps = report.Events.Where(e => e.Kind == k.Kind && lanes.Contains(e.Actor)).ToArray();
            if (steps.Length == 0)
            {
                continue;
            }

            marks.Add(Chart.Scatter<double, string, string>(steps.Select(e => e.Seconds), steps.Select(e => e.Actor), StyleParam.Mode.Markers_Text,
                    Name: k.Name,
                    // The token is written on the writes only: a grant and the first write often land a few milliseconds apart.
                    MultiText: steps.Select(e => e.Token is { } t && k.Kind != "acquired" ? t.ToString(CultureInfo.InvariantCulture) : "").ToArray(),
                    TextPosition: StyleParam.TextPosition.TopCenter,
                    MarkerColor: ChartParts.Colour(k.Color), UseDefaults: false)
                .WithHoverTexts(steps.Select(e => (string?)System.Net.WebUtility.HtmlEncode(e.ToString().Trim())))
                .WithMarkerField("size", 14)
                .WithMarkerField("symbol", k.Symbol));
        }

        var shapes = new List<Shape>();
        var annotations = new List<Annotation>();
        if (Between(report, "lab", "frozen", "resumed") is { } frozen)
        {
            shapes.Add(ChartParts.Rect(frozen.From, frozen.Until, Palette.Down, 0.18));
            annotations.Add(ChartParts.Label((frozen.From + frozen.Until) / 2, 1.02,
                $"client-1 frozen (SIGSTOP) {(frozen.Until - frozen.From).ToString("0.0", CultureInfo.InvariantCulture)} s", yAnchor: "bottom"));
        }

        foreach (var step in report.Events.Where(e => e.Actor == "etcd" && e.Kind is "frozen" or "leader"))
        {
            shapes.Add(ChartParts.VerticalLine(step.Seconds, ChartParts.Outline(Palette.Network, 1.5, "dot")));
        }

        if (report.EtcdElection is { } act)
        {
            double at = report.Events.First(e => e.Actor == "etcd" && e.Kind == "leader").Seconds;
            annotations.Add(ChartParts.Label(at, -0.12, $"etcd: {act.NewLeader} leads, term {act.TermBefore} → {act.TermAfter}", Palette.Network, 12, yAnchor: "top"));
        }

        return ChartParts.Combine(marks).Around(
            title ?? $"The lab on {report.Store} with {report.Coordinator} leases: tokens and the guard's verdicts",
            ChartParts.Axis("seconds since the lab started (wall clock)", zeroLine: false),
            ChartParts.Categories(lanes, reversed: true),
            height: 200 + (60 * lanes.Length),
            shapes: shapes, labels: annotations,
            margin: new Dictionary<string, int> { ["l"] = 90, ["b"] = 90 });
    }

    /// <summary>
    /// Who believed it held the lease, and when: a bar per client from getting the lease to learning it was lost
    /// (or letting go). Where two bars overlap, two processes believed they were the holder: the split brain that
    /// the guard made harmless. The holder's token is on its bar.
    /// </summary>
    /// <param name="report">A lab run.</param>
    /// <param name="title">The chart title.</param>
    public static GenericChart Beliefs(LabReport report, string title = "Who believed it held the lease")
    {
        ArgumentNullException.ThrowIfNull(report);
        double end = report.Events.Count == 0 ? 0 : report.Events.Max(e => e.Seconds);
        var bars = Clients.Select(c =>
        {
            var got = report.Events.FirstOrDefault(e => e.Actor == c && e.Kind == "acquired");
            var gone = report.Events.FirstOrDefault(e => e.Actor == c && e.Kind is "lost" or "released");
            return got is null ? null : new Belief(c, got.Seconds, gone?.Seconds ?? end, got.Token ?? 0);
        }).OfType<Belief>().ToArray();

        var believers = ChartParts.Combine(bars.Length == 0 ? [] : [
            Chart.Bar<double, string, string>(bars.Select(b => Math.Round(b.Until - b.From, 3)), Keys: bars.Select(b => b.Client).ToArray(),
                    Name: "believes it holds the lease",
                    MultiText: bars.Select(b => $"token {b.Token}").ToArray(), TextPosition: StyleParam.TextPosition.Inside,
                    MarkerColor: ChartParts.Colour(Palette.Leader), UseDefaults: false)
                .WithTraceField("base", bars.Select(b => b.From).ToArray())
                .WithHoverTexts(bars.Select(b => (string?)$"{b.Client}: {b.From.ToString("0.00", CultureInfo.InvariantCulture)} s to {b.Until.ToString("0.00", CultureInfo.InvariantCulture)} s")),
        ]);

        var shapes = new List<Shape>();
        var one = bars.FirstOrDefault(b => b.Client == "client-1");
        var two = bars.FirstOrDefault(b => b.Client == "client-2");
        if (one is not null && two is not null && two.From < one.Until)
        {
            shapes.Add(ChartParts.Rect(two.From, Math.Min(one.Until, two.Until), Palette.SplitBrain, 0.15));
        }

        if (Between(report, "lab", "frozen", "resumed") is { } frozen)
        {
            shapes.Add(ChartParts.Rect(frozen.From, frozen.Until, Palette.Down, 0.5, y0: 0, y1: 0.08, below: false));
        }

        return believers.Around(title,
            ChartParts.Axis("seconds since the lab started (red: two believers; grey strip: client-1 frozen)", zeroLine: false),
            ChartParts.Categories(bars.Select(b => b.Client), reversed: true),
            height: 180 + (50 * bars.Length),
            shapes: shapes,
            margin: new Dictionary<string, int> { ["l"] = 90 },
            showLegend: false);
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
