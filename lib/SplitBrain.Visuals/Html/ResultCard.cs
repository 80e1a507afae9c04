using System.Text;

namespace SplitBrain.Visuals;

/// <summary>A scenario run at a glance: what ran, the verdict, the figures, and the command that replays it.</summary>
/// <remarks>
/// A run of a course scenario as the course ships it carries its link query (<see cref="RunLink.Query"/>) in the
/// card's <see cref="RunAttribute"/>, so a lesson page can link it to the playground. A run of a scenario built
/// with other code (a learner's worker or guard swapped in) carries none: the playground would run the course's own.
/// </remarks>
public static class ResultCard
{
    /// <summary>The card's attribute that holds the run's link query, like <c>scenario=bank-ledger&amp;seed=1&amp;fencing=off</c>.</summary>
    public const string RunAttribute = "data-run";

    /// <summary>
    /// The key of a chart layout's <c>meta</c> object that holds the run's link query, in a picture of a whole course
    /// scenario run (<see cref="Pictures.Leadership(ScenarioResult, string?)"/> and the other pictures of a
    /// <see cref="ScenarioResult"/>), so a lesson page can link the picture to the playground as it does the card.
    /// </summary>
    public const string RunMetaKey = "run";

    /// <summary>
    /// The link query of <paramref name="result"/> (<see cref="RunLink.Query"/>) when it is a run of a course scenario
    /// (one of <see cref="Scenarios.All"/>) with its options; null for a scenario built with other code.
    /// </summary>
    /// <param name="result">A finished scenario run.</param>
    public static string? RunQuery(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Scenarios.All.Any(s => ReferenceEquals(s, result.Scenario)) ? RunLink.Query(result.Scenario.Name, result.Options) : null;
    }

    /// <summary>Renders <paramref name="result"/>.</summary>
    /// <param name="result">A finished scenario run.</param>
    public static HtmlFragment Of(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = new StringBuilder(HtmlText.Style);
        html.Append("<div class=\"sb-result\"");
        if (RunQuery(result) is { } query)
        {
            html.Append($" {RunAttribute}=\"{HtmlText.E(query)}\"");
        }

        html.Append($"><div><b>{HtmlText.E(result.Scenario.Name)}</b> ({HtmlText.E(result.Options)}): {HtmlText.E(result.Scenario.Summary)}</div>");
        html.Append(VerdictTable.Of(result.Violations).Html);
        html.Append("<table class=\"sb\"><tbody>");
        foreach (var (figure, value) in result.Figures)
        {
            html.Append($"<tr><th title=\"{HtmlText.E(figure.Meaning)}\">{HtmlText.E(figure.Name)}</th><td>{HtmlText.Count(value)}</td></tr>");
        }

        html.Append($"<tr><th>writes accepted / rejected</th><td>{result.AcceptedWrites} / {result.RejectedWrites}</td></tr>");
        html.Append($"<tr><th>most leaders at once</th><td>{result.MaxLeadersAtOnce}</td></tr>");
        html.Append($"<tr><th>events, trace lines</th><td>{HtmlText.Count(result.Events)}, {HtmlText.Count(result.Trace.Count)}</td></tr>");
        html.Append($"<tr><th>trace SHA-256</th><td>{result.TraceHash[..16]}…</td></tr>");
        html.Append($"<tr><th>replay</th><td><code>course {HtmlText.E(result.Replay)}</code></td></tr>");
        html.Append("</tbody></table></div>");
        return new HtmlFragment(html.ToString());
    }
}
