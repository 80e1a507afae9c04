using System.Globalization;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace SplitBrain.Visuals;

/// <summary>
/// The split-brain window against clock skew, one line per safety margin: how long two lease holders acted at
/// once, measured from one run for each (skew, margin). With no margin the window grows by 2 s per second of skew;
/// a margin of 2 × the skew closes it.
/// </summary>
public static class SkewWindowChart
{
    /// <summary>Runs <paramref name="windowSeconds"/> for every skew and margin and draws what it measured.</summary>
    /// <param name="skews">The clock skews to try, in seconds, left to right.</param>
    /// <param name="margins">The safety margins to try, in seconds: one line each.</param>
    /// <param name="windowSeconds">The split-brain window of one run, in seconds, for (skew, margin); for example from <see cref="Leadership.SplitBrainWindows"/>.</param>
    /// <param name="ttlSeconds">The lease's TTL in the runs, for the title.</param>
    public static GenericChart Draw(IReadOnlyList<double> skews, IReadOnlyList<double> margins, Func<double, double, double> windowSeconds, double ttlSeconds)
    {
        ArgumentNullException.ThrowIfNull(skews);
        ArgumentNullException.ThrowIfNull(margins);
        ArgumentNullException.ThrowIfNull(windowSeconds);
        var lines = new List<GenericChart>();
        for (int i = 0; i < margins.Count; i++)
        {
            double margin = margins[i];
            var windows = new List<double>();
            foreach (double skew in skews)
            {
                windows.Add(Math.Round(windowSeconds(skew, margin), 2));
            }

            var colour = ChartParts.Colour(Palette.Series[i % Palette.Series.Count]);
            string name = $"safety margin {S(margin)} s";
            lines.Add(Chart.Scatter<double, double, string>(skews, windows, StyleParam.Mode.Lines_Markers, Name: name,
                    MarkerColor: colour, LineColor: colour, LineWidth: 2.5, UseDefaults: false)
                .WithHoverTexts(skews.Select((skew, k) => (string?)$"{name}, skew {S(skew)} s: two holders for {S(windows[k])} s"))
                .WithMarkerField("size", 8));
        }

        return ChartParts.Combine(lines).Around($"Split-brain window, measured from runs (TTL {S(ttlSeconds)} s)",
            ChartParts.Axis("max clock skew (s): what each clock gains or loses during one lease").With("ticksuffix", " s"),
            ChartParts.Axis("two holders at once (s)").With("ticksuffix", " s"),
            height: 380);
    }

    private static string S(double seconds) => seconds.ToString("0.##", CultureInfo.InvariantCulture);
}
