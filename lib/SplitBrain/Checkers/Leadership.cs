namespace SplitBrain;

/// <summary>
/// Who believed they led, over time, read from a trace: a node leads from its <see cref="TraceKind.Elected"/>
/// line until it steps down or crashes. Believing is what matters: a deposed leader that never heard of its
/// successor still leads, in its own eyes.
/// </summary>
public static class Leadership
{
    /// <summary>The most nodes that believed they led at the same virtual instant.</summary>
    /// <param name="trace">The run.</param>
    public static int MaxLeadersAtOnce(Trace trace) => Walk(trace).Max;

    /// <summary>The first instant two nodes believed they led, with the two lines that made them leaders; null if never.</summary>
    /// <param name="trace">The run.</param>
    public static (TraceEntry First, TraceEntry Second)? FirstOverlap(Trace trace) => Walk(trace).Overlap;

    private static (int Max, (TraceEntry, TraceEntry)? Overlap) Walk(Trace trace)
    {
        var leading = new Dictionary<string, TraceEntry>();
        int max = 0;
        (TraceEntry, TraceEntry)? overlap = null;
        foreach (var entry in trace.Protocol)
        {
            string? node = entry.Node?.Name;
            switch (entry.Kind)
            {
                case TraceKind.Elected when node is not null:
                    if (overlap is null && leading.Count > 0 && !leading.ContainsKey(node))
                    {
                        overlap = (leading.Values.First(), entry);
                    }

                    leading[node] = entry;
                    break;
                case TraceKind.SteppedDown or TraceKind.Crash when node is not null:
                    leading.Remove(node);
                    break;
            }

            max = Math.Max(max, leading.Count);
        }

        return (max, overlap);
    }
}
