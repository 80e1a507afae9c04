using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace SplitBrain.Visuals;

/// <summary>
/// How an exploration went, batch by batch: the schedules tried so far, and how many of them broke an
/// invariant. A flat red line at zero is what a correct protection looks like; any rise is a bug found.
/// </summary>
/// <remarks>
/// A live cell draws it again after each report and replaces the one shown (a notebook display handle's
/// <c>Update</c>); every call builds a fresh chart from the reports so far.
/// </remarks>
public static class ExploreProgressChart
{
    /// <summary>Draws the progress reports of an exploration, in the order they came.</summary>
    /// <param name="reports">The explorer's reports (or one per batch), each with the totals so far; the line starts at 0 schedules.</param>
    /// <param name="title">The chart title.</param>
    public static GenericChart Draw(IEnumerable<ExploreProgress> reports, string title = "Schedules tried, and how many broke an invariant")
    {
        ArgumentNullException.ThrowIfNull(reports);
        var all = reports.Prepend(new ExploreProgress(0, 0, 0)).ToArray(); // every search starts at nothing tried
        var hover = all.Select(r => (string?)$"{HtmlText.Count(r.Schedules)} schedules, {HtmlText.Count(r.Violations)} broke an invariant" + (r.Schedules > 0 ? $", {HtmlText.Count((long)r.SchedulesPerSecond)} per second" : ""));
        var red = ChartParts.Colour(Palette.Rejected);
        var found = Chart.Scatter<long, long, string>(all.Select(r => r.Schedules), all.Select(r => r.Violations), StyleParam.Mode.Lines_Markers,
                Name: "schedules that broke an invariant", MarkerColor: red, LineColor: red, LineWidth: 2.5)
            .WithHoverTexts(hover).WithMarkerField("size", 8);

        return found.Around(title,
            ChartParts.Axis("schedules tried", zeroLine: false),
            ChartParts.Axis("broke an invariant", zeroLine: true).With("range", new[] { 0, Math.Max(1, all.Max(r => r.Violations)) * 1.1 }),
            height: 320);
    }
}
