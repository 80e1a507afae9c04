using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

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
    public static GenericChart Draw(IEnumerable<BalancePoint> points, TimeSpan? end = null, string title = "Balance each side believes")
    {
        ArgumentNullException.ThrowIfNull(points);
        var all = points.ToArray();
        double last = end?.TotalSeconds ?? (all.Length == 0 ? 0 : all.Max(p => p.Time.TotalSeconds));
        var sides = all.Select(p => p.Side).Distinct().ToArray();
        var lines = new List<GenericChart>();
        for (int i = 0; i < sides.Length; i++)
        {
            string side = sides[i];
            var mine = all.Where(p => p.Side == side).OrderBy(p => p.Time).ToList();
            var x = mine.Select(p => p.Time.TotalSeconds).Append(last).ToArray();
            var y = mine.Select(p => p.Balance).Append(mine[^1].Balance).ToArray();
            var hover = mine.Select(p => (string?)$"{side}: ${p.Balance} at {HtmlText.Seconds(p.Time)}{(p.Why.Length > 0 ? "<br>" + HtmlText.E(p.Why) : "")}")
                .Append($"{side}: ${mine[^1].Balance} at the end");
            var colour = ChartParts.Colour(Palette.Series[i % Palette.Series.Count]);
            lines.Add(Chart.Scatter<double, long, string>(x, y, StyleParam.Mode.Lines_Markers, Name: side,
                    MarkerColor: colour, LineColor: colour, LineWidth: 2.5, LineDash: i % 2 == 0 ? StyleParam.DrawingStyle.Solid : StyleParam.DrawingStyle.Dash, UseDefaults: false)
                .WithHoverTexts(hover).WithLineField("shape", "hv").WithMarkerField("size", 8));
        }

        return ChartParts.Combine(lines).Around(title,
            ChartParts.Axis("virtual time (s)", zeroLine: false),
            ChartParts.Axis("balance", zeroLine: true).With("tickprefix", "$"),
            height: 360,
            shapes: [ChartParts.HorizontalLine(0, ChartParts.Outline(Palette.Rejected, 1, "dot"))]);
    }
}
