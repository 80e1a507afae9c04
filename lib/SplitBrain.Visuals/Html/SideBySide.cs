using System.Text;

namespace SplitBrain.Visuals;

/// <summary>
/// The story of a run told per side of a partition, in columns next to each other: elections, writes,
/// payments and notes, each in the column of the side where it happened. Where both columns fill up at
/// the same time, the two sides are living two different histories.
/// </summary>
public static class SideBySide
{
    private static readonly HashSet<TraceKind> Story =
    [
        TraceKind.Elected, TraceKind.SteppedDown, TraceKind.WriteAccepted, TraceKind.WriteRejected,
        TraceKind.Acknowledged, TraceKind.LeaseGranted, TraceKind.LeaseExpired, TraceKind.Note,
    ];

    /// <summary>Renders the story of <paramref name="trace"/> with one column per side.</summary>
    /// <param name="trace">The run's trace.</param>
    /// <param name="partition">The sides, as a partition is written: <c>"A,client-1 | B,C,client-2"</c>.
    /// A write shows on the side of the node that sent it, not of the store that took it.</param>
    /// <param name="from">Leave out what happened before this time; null: from the start.</param>
    public static HtmlFragment Of(IEnumerable<TraceEntry> trace, string partition, TimeSpan? from = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentException.ThrowIfNullOrWhiteSpace(partition);
        var sides = partition.Split('|').Select(s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)).ToArray();
        var html = new StringBuilder(HtmlText.Style).Append("<table class=\"sb sb-sides\"><thead><tr><th>time</th>");
        foreach (var side in sides)
        {
            html.Append($"<th>side {HtmlText.E(string.Join(", ", side))}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var entry in trace)
        {
            if ((from is { } start && entry.Time < start) || (!Story.Contains(entry.Kind) && entry.Kind != TraceKind.Partition && entry.Kind != TraceKind.Heal))
            {
                continue;
            }

            if (entry.Kind is TraceKind.Partition or TraceKind.Heal)
            {
                html.Append($"<tr class=\"sb-info\"><td>{HtmlText.Seconds(entry.Time)}</td><td colspan=\"{sides.Length}\">{entry.Kind} {HtmlText.E(entry.Detail)}</td></tr>");
                continue;
            }

            // Writes happen at the store; tell them on the writer's side.
            bool isWrite = entry.Kind is TraceKind.WriteAccepted or TraceKind.WriteRejected;
            string? actor = isWrite ? entry.Peer?.Name : entry.Node?.Name;
            int column = Array.FindIndex(sides, s => actor is not null && s.Contains(actor));
            if (column < 0)
            {
                continue;
            }

            string text = entry.Kind switch
            {
                TraceKind.Elected => $"{entry.Node} becomes leader for {entry.Detail}",
                TraceKind.SteppedDown => $"{entry.Node} steps down ({entry.Detail})",
                TraceKind.WriteAccepted => $"store {entry.Node} ACCEPTS from {entry.Peer}: {entry.Detail}",
                TraceKind.WriteRejected => $"store {entry.Node} REJECTS from {entry.Peer}: {entry.Detail}",
                TraceKind.Acknowledged => $"{entry.Node} tells {entry.Peer}: {entry.Detail}",
                _ => $"{entry.Node}: {entry.Detail}",
            };
            html.Append($"<tr class=\"{TraceTable.RowClass(entry.Kind)}\"><td>{HtmlText.Seconds(entry.Time)}</td>");
            for (int i = 0; i < sides.Length; i++)
            {
                html.Append(i == column ? $"<td>{HtmlText.E(text)}</td>" : "<td></td>");
            }

            html.Append("</tr>");
        }

        return new HtmlFragment(html.Append("</tbody></table>").ToString());
    }
}
