using Microsoft.DotNet.Interactive.Formatting;

namespace SplitBrain.Visuals;

/// <summary>
/// Teaches a notebook to show the course's values as pictures and tables instead of raw objects. The course
/// kernel (lib/Course.Notebooks) calls it when it starts, so a lesson never has to.
/// </summary>
/// <remarks>
/// After <see cref="Setup"/>, a cell that ends with a <see cref="Trace"/> shows it as a table, and an <see cref="HtmlFragment"/> shows as HTML. It uses the
/// formatter API of the notebook kernel that is already running, so it works only inside a notebook. Charts are
/// Plotly.NET charts: Plotly.NET.Interactive draws them.
/// </remarks>
public static class Lesson
{
    private static int registered;

    /// <summary>Registers the formatters (once per kernel; calling it again does nothing more) and says so.</summary>
    public static HtmlFragment Setup()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            Formatter.Register<HtmlFragment>(fragment => fragment.Html, "text/html");
            Formatter.Register<Trace>(trace => TraceTable.Of(trace).Html, "text/html");
            Formatter.Register<TraceEntry>(entry => TraceTable.Of([entry]).Html, "text/html");
            Formatter.Register<ScenarioResult>(result => ResultCard.Of(result).Html, "text/html");
            Formatter.Register<Violation>(violation => VerdictTable.Of([violation]).Html, "text/html");
            Formatter.Register<IReadOnlyList<Violation>>(violations => VerdictTable.Of(violations).Html, "text/html");
            Formatter.Register<SplitBrainWindow>(window => $"<b>{HtmlText.E(window)}</b>", "text/html");
        }

        return new HtmlFragment("<div class=\"sb-note\">SplitBrain lesson tools ready: runs show as tables, pictures as charts.</div>");
    }
}
