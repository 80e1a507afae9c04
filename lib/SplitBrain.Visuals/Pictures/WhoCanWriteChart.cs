namespace SplitBrain.Visuals;

/// <summary>
/// A grid of cluster sizes against split shapes: grey where no side can write (safe, but down), green where
/// exactly one side can (safe and up), red where two sides can (split brain).
/// </summary>
public static class WhoCanWriteChart
{
    /// <summary>Draws <paramref name="outcomes"/>, one row per cluster size.</summary>
    /// <param name="outcomes">Splits and who can write in each, for example from <see cref="SplitOutcome.AllSplits"/>.</param>
    /// <param name="title">The chart title.</param>
    public static PlotFigure Draw(IEnumerable<SplitOutcome> outcomes, string title = "Which sides can write, by cluster size and split")
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var all = outcomes.ToArray();
        (string Name, string Color, Func<SplitOutcome, bool> Has)[] groups =
        [
            ("no side can write", Palette.Down, o => o.Writers == 0),
            ("one side can write", Palette.Accepted, o => o.Writers == 1),
            ("two or more sides write: split brain", Palette.SplitBrain, o => o.Writers >= 2),
        ];
        var traces = groups.Select(g =>
        {
            var mine = all.Where(g.Has).ToArray();
            return new PlotTrace
            {
                Name = g.Name, Mode = "markers+text",
                X = mine.Select(o => (object?)o.Shape).ToArray(),
                Y = mine.Select(o => (object?)$"{o.ClusterSize} nodes, quorum {o.QuorumSize}").ToArray(),
                Text = mine.Select(o => (string?)o.Writers.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                TextPosition = "middle center",
                TextFont = new PlotFont("white", 13),
                HoverText = mine.Select(o => (string?)HtmlText.E(o.ToString())).ToArray(),
                HoverInfo = "text",
                Marker = new PlotMarker(g.Color, 34, "square"),
            };
        }).Where(t => t.X is { Count: > 0 }).ToArray();

        var rows = all.Select(o => $"{o.ClusterSize} nodes, quorum {o.QuorumSize}").Distinct().ToArray();
        var shapes = all.OrderBy(o => o.Sides.Count).ThenByDescending(o => o.Sides[0]).Select(o => o.Shape).Distinct().ToArray();
        return new PlotFigure(traces, new PlotLayout
        {
            Title = new PlotTitle(title),
            XAxis = new PlotAxis { Title = new PlotTitle("split (sizes of the sides)"), Type = "category", CategoryOrder = "array", CategoryArray = shapes },
            YAxis = new PlotAxis { Type = "category", CategoryOrder = "array", CategoryArray = rows, AutoRange = "reversed" },
            Height = Math.Max(280, 130 + (55 * rows.Length)),
            HoverMode = "closest",
            Margin = new Dictionary<string, int> { ["l"] = 150 },
        });
    }
}
