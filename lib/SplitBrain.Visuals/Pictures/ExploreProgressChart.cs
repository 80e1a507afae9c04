namespace SplitBrain.Visuals;

/// <summary>
/// How an exploration went, batch by batch: the schedules tried so far, and how many of them broke an
/// invariant. A flat red line at zero is what a correct protection looks like; any rise is a bug found.
/// </summary>
public static class ExploreProgressChart
{
    /// <summary>Draws the progress reports of an exploration, in the order they came.</summary>
    /// <param name="reports">The explorer's reports (or one per batch), each with the totals so far; the line starts at 0 schedules.</param>
    /// <param name="title">The chart title.</param>
    public static PlotFigure Draw(IEnumerable<ExploreProgress> reports, string title = "Schedules tried, and how many broke an invariant")
    {
        ArgumentNullException.ThrowIfNull(reports);
        var all = reports.Prepend(new ExploreProgress(0, 0, 0)).ToArray(); // every search starts at nothing tried
        var x = all.Select(r => (object?)r.Schedules).ToArray();
        var hover = all.Select(r => (string?)$"{HtmlText.Count(r.Schedules)} schedules, {HtmlText.Count(r.Violations)} broke an invariant" + (r.Schedules > 0 ? $", {HtmlText.Count((long)r.SchedulesPerSecond)} per second" : "")).ToArray();
        var found = new PlotTrace
        {
            Name = "schedules that broke an invariant",
            Mode = "lines+markers",
            X = x,
            Y = all.Select(r => (object?)r.Violations).ToArray(),
            HoverText = hover,
            HoverInfo = "text",
            Line = new PlotLine(Palette.Rejected, 2.5, "solid", "linear"),
            Marker = new PlotMarker(Palette.Rejected, 8),
        };

        return new PlotFigure([found], new PlotLayout
        {
            Title = new PlotTitle(title),
            XAxis = new PlotAxis { Title = new PlotTitle("schedules tried"), ZeroLine = false },
            YAxis = new PlotAxis { Title = new PlotTitle("broke an invariant"), ZeroLine = true, Range = [0, Math.Max(1, all.Max(r => r.Violations)) * 1.1] },
            Height = 320,
            HoverMode = "closest",
        });
    }
}
