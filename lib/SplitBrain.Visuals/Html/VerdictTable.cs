using System.Text;

namespace SplitBrain.Visuals;

/// <summary>A checker's verdict: a green line when no invariant broke, otherwise one red row per broken invariant.</summary>
public static class VerdictTable
{
    /// <summary>Renders <paramref name="violations"/>.</summary>
    /// <param name="violations">What the checkers found; empty when the run was safe.</param>
    public static HtmlFragment Of(IReadOnlyList<Violation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (violations.Count == 0)
        {
            return new HtmlFragment(HtmlText.Style + "<div class=\"sb-verdict-ok\">✔ no invariant broken</div>");
        }

        var html = new StringBuilder(HtmlText.Style);
        html.Append($"<div class=\"sb-verdict-bad\">✘ {violations.Count} invariant{(violations.Count == 1 ? "" : "s")} broken</div>");
        html.Append("<table class=\"sb sb-verdict\"><thead><tr><th>invariant</th><th>what happened</th><th>events</th></tr></thead><tbody>");
        foreach (var violation in violations)
        {
            html.Append($"<tr class=\"sb-bad\"><td>{HtmlText.E(violation.Invariant)}</td><td>{HtmlText.E(violation.Message)}</td>")
                .Append($"<td>{string.Join("<br>", violation.Events.Take(6).Select(e => HtmlText.E(e)))}</td></tr>");
        }

        return new HtmlFragment(html.Append("</tbody></table>").ToString());
    }
}
