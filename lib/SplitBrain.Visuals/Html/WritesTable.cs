using System.Text;

namespace SplitBrain.Visuals;

/// <summary>The writes a store accepted and refused, with their fencing tokens: the ledger's side of a run.</summary>
public static class WritesTable
{
    /// <summary>Renders every <see cref="TraceKind.WriteAccepted"/> and <see cref="TraceKind.WriteRejected"/> line of <paramref name="trace"/>.</summary>
    /// <param name="trace">The run's trace.</param>
    public static HtmlFragment Of(IEnumerable<TraceEntry> trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var html = new StringBuilder(HtmlText.Style);
        html.Append("<table class=\"sb sb-writes\"><thead><tr><th>time</th><th>store</th><th>writer</th><th>operation</th><th>token</th><th>verdict</th><th>reason</th></tr></thead><tbody>");
        int accepted = 0, rejected = 0;
        foreach (var entry in trace)
        {
            if (entry.Kind is not (TraceKind.WriteAccepted or TraceKind.WriteRejected))
            {
                continue;
            }

            bool ok = entry.Kind == TraceKind.WriteAccepted;
            if (ok)
            {
                accepted++;
            }
            else
            {
                rejected++;
            }

            var decision = entry.Detail as WriteDecision;
            string operation = decision?.Operation ?? entry.Detail?.ToString() ?? "";
            string token = decision?.Token is { } t ? t.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none";
            html.Append($"<tr class=\"{(ok ? "sb-good" : "sb-bad")}\"><td>{HtmlText.Seconds(entry.Time)}</td><td>{HtmlText.E(entry.Node)}</td>")
                .Append($"<td>{HtmlText.E(entry.Peer)}</td><td>{HtmlText.E(operation)}</td><td>{token}</td>")
                .Append($"<td>{(ok ? "accepted" : "rejected")}</td><td>{HtmlText.E(decision?.Reason)}</td></tr>");
        }

        html.Append("</tbody></table>");
        html.Append($"<div class=\"sb-note\">{accepted} accepted, {rejected} rejected</div>");
        return new HtmlFragment(html.ToString());
    }
}
