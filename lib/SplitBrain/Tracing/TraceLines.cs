namespace SplitBrain;

/// <summary>
/// Typed questions to a trace, or to any stretch of it: the lines of one kind whose detail is of one type,
/// with that detail, so a notebook cell never casts a detail by hand.
/// </summary>
public static class TraceLines
{
    /// <summary>
    /// The lines of <paramref name="kind"/> whose detail is a <typeparamref name="T"/>, with that detail:
    /// <c>trace.OfKind&lt;RequestVote&gt;(TraceKind.Send)</c> is every vote request sent.
    /// </summary>
    /// <typeparam name="T">The detail's type: a message, a <see cref="WriteDecision"/>, a <see cref="Term"/>.</typeparam>
    /// <param name="lines">A trace, or some of its lines.</param>
    /// <param name="kind">What happened at the line.</param>
    public static IEnumerable<(TraceEntry Line, T Detail)> OfKind<T>(this IEnumerable<TraceEntry> lines, TraceKind kind)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            if (line.Kind == kind && line.Detail is T detail)
            {
                yield return (line, detail);
            }
        }
    }

    /// <summary>
    /// The writes a store decided about, accepted or refused, with their <see cref="WriteDecision"/>: the line's
    /// node is the store, its peer the writer.
    /// </summary>
    /// <param name="lines">A trace, or some of its lines.</param>
    /// <param name="accepted">True for the accepted writes only, false for the refused only.</param>
    public static IEnumerable<(TraceEntry Line, WriteDecision Write)> Writes(this IEnumerable<TraceEntry> lines, bool accepted) =>
        lines.OfKind<WriteDecision>(accepted ? TraceKind.WriteAccepted : TraceKind.WriteRejected);
}
