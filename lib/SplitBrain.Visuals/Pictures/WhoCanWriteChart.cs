using System.Globalization;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

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
    public static GenericChart Draw(IEnumerable<SplitOutcome> outcomes, string title = "Which sides can write, by cluster size and split")
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var all = outcomes.ToArray();
        (string Name, string Color, Func<SplitOutcome, bool> Has)[] groups =
        [
            ("no side can write", Palette.Down, o => o.Writers == 0),
            ("one side can write", Palette.Accepted, o => o.Writers == 1),
            ("two or more sides write: split brain", Palette.SplitBrain, o => o.Writers >= 2),
        ];
        var cells = new List<GenericChart>();
        foreach (var group in groups)
        {
            var mine = all.Where(group.Has).ToArray();
            if (mine.Length == 0)
            {
                continue;
            }

            cells.Add(Chart.Scatter<string, string, string>(
                    mine.Select(o => o.Shape), mine.Select(Row), StyleParam.Mode.Markers_Text,
                    Name: group.Name,
                    MultiText: mine.Select(o => o.Writers.ToString(CultureInfo.InvariantCulture)).ToArray(),
                    TextPosition: StyleParam.TextPosition.MiddleCenter,
                    MarkerColor: ChartParts.Colour(group.Color), UseDefaults: false)
                .WithHoverTexts(mine.Select(o => (string?)HtmlText.E(o.ToString())))
                .WithMarkerField("size", 34)
                .WithMarkerField("symbol", "square")
                .WithTraceField("textfont", Font.init(null, 13, ChartParts.Colour("white"))));
        }

        var rows = all.Select(Row).Distinct().ToArray();
        var shapes = all.OrderBy(o => o.Sides.Count).ThenByDescending(o => o.Sides[0]).Select(o => o.Shape).Distinct().ToArray();
        return ChartParts.Combine(cells).Around(title,
            ChartParts.Categories(shapes, reversed: false, "split (sizes of the sides)"),
            ChartParts.Categories(rows, reversed: true),
            height: Math.Max(280, 130 + (55 * rows.Length)),
            margin: new Dictionary<string, int> { ["l"] = 150 });
    }

    private static string Row(SplitOutcome outcome) => $"{outcome.ClusterSize} nodes, quorum {outcome.QuorumSize}";
}
