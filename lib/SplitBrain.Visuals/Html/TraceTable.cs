using System.Text;

namespace SplitBrain.Visuals;

/// <summary>A trace as an HTML table: one row per line, coloured by what happened.</summary>
public static class TraceTable
{
    /// <summary>How many rows a table shows unless told otherwise; longer traces end with a note saying how many were left out.</summary>
    public const int DefaultMaxRows = 200;

    /// <summary>Renders <paramref name="entries"/> as a table.</summary>
    /// <param name="entries">The lines to show, oldest first (a <see cref="Trace"/>, or a filtered part of one).</param>
    /// <param name="maxRows">The most rows to show.</param>
    public static HtmlFragment Of(IEnumerable<TraceEntry> entries, int maxRows = DefaultMaxRows)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (maxRows < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRows), maxRows, "A table shows at least 1 row.");
        }

        var html = new StringBuilder(HtmlText.Style);
        html.Append("<table class=\"sb sb-trace\"><thead><tr><th>time</th><th>what</th><th>node</th><th>peer</th><th>detail</th></tr></thead><tbody>");
        int total = 0;
        foreach (var entry in entries)
        {
            total++;
            if (total > maxRows)
            {
                continue;
            }

            html.Append($"<tr class=\"{RowClass(entry.Kind)}\"><td>{HtmlText.Seconds(entry.Time)}</td><td>{entry.Kind}</td>")
                .Append($"<td>{HtmlText.E(entry.Node)}</td><td>{HtmlText.E(entry.Peer)}</td><td>{HtmlText.E(entry.Detail)}</td></tr>");
        }

        html.Append("</tbody></table>");
        string shown = total > maxRows
            ? $"showing the first {HtmlText.Count(maxRows)} of {HtmlText.Count(total)} lines; filter with trace.OfKind(…) or trace.Where(…)"
            : $"{HtmlText.Count(total)} lines";
        html.Append($"<div class=\"sb-note\">{shown}</div>");
        return new HtmlFragment(html.ToString());
    }

    /// <summary>The row colour of a kind of line: refusals and losses red, acceptances green, leadership amber.</summary>
    internal static string RowClass(TraceKind kind) => kind switch
    {
        TraceKind.WriteRejected or TraceKind.Drop or TraceKind.Crash => "sb-bad",
        TraceKind.WriteAccepted or TraceKind.LeaseGranted or TraceKind.Acknowledged => "sb-good",
        TraceKind.Elected or TraceKind.SteppedDown or TraceKind.LeaseExpired or TraceKind.Pause or TraceKind.Resume => "sb-warn",
        TraceKind.Partition or TraceKind.Cut or TraceKind.Heal or TraceKind.ClockChange or TraceKind.Restart => "sb-info",
        _ => "",
    };
}
