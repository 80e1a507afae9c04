namespace SplitBrain.Visuals;

/// <summary>
/// The balance each side believes, over time: one step line per side. Where the lines part, the two sides
/// hold two different histories of the same account, and no merge afterwards can pay the money back.
/// </summary>
public static class BalanceChart
{
    /// <summary>Draws the balance of each side.</summary>
    /// <param name="points">Each side's balance each time it changed, in any order.</param>
    /// <param name="end">Where the lines stop; null: at the last point.</param>
    /// <param name="title">The chart title.</param>
    public static PlotFigure Draw(IEnumerable<BalancePoint> points, TimeSpan? end = null, string title = "Balance each side believes")
    {
        ArgumentNullException.ThrowIfNull(points);
        var all = points.ToArray();
        double last = end?.TotalSeconds ?? (all.Length == 0 ? 0 : all.Max(p => p.Time.TotalSeconds));
        var sides = all.Select(p => p.Side).Distinct().ToArray();
        var traces = sides.Select((side, i) =>
        {
            var mine = all.Where(p => p.Side == side).OrderBy(p => p.Time).ToList();
            var x = mine.Select(p => (object?)p.Time.TotalSeconds).Append(last).ToArray();
            var y = mine.Select(p => (object?)p.Balance).Append(mine.Count > 0 ? mine[^1].Balance : 0).ToArray();
            var hover = mine.Select(p => (string?)$"{side}: ${p.Balance} at {HtmlText.Seconds(p.Time)}{(p.Why.Length > 0 ? "<br>" + HtmlText.E(p.Why) : "")}")
                .Append($"{side}: ${(mine.Count > 0 ? mine[^1].Balance : 0)} at the end").ToArray();
            return new PlotTrace
            {
                Name = side, Mode = "lines+markers", X = x, Y = y, HoverText = hover, HoverInfo = "text",
                Line = new PlotLine(Palette.Series[i % Palette.Series.Count], 2.5, i % 2 == 0 ? "solid" : "dash", "hv"),
                Marker = new PlotMarker(Palette.Series[i % Palette.Series.Count], 8),
            };
        }).ToArray();

        return new PlotFigure(traces, new PlotLayout
        {
            Title = new PlotTitle(title),
            XAxis = new PlotAxis { Title = new PlotTitle("virtual time (s)"), ZeroLine = false },
            YAxis = new PlotAxis { Title = new PlotTitle("balance"), TickPrefix = "$", ZeroLine = true },
            Height = 360,
            HoverMode = "closest",
            Shapes = [new PlotShape { Type = "line", XRef = "paper", YRef = "y", X0 = 0, X1 = 1, Y0 = 0, Y1 = 0, Line = new PlotLine(Palette.Rejected, 1, "dot") }],
        });
    }
}
