namespace SplitBrain;

/// <summary>
/// Who believed they led, over time, read from a trace: a node leads from its <see cref="TraceKind.Elected"/>
/// line until it steps down or crashes. Believing is what matters: a deposed leader that never heard of its
/// successor still leads, in its own eyes.
/// </summary>
/// <remarks>
/// This is the one reading of leadership in the course: the checkers (<see cref="OneLeaderAtATime"/>), the
/// figures (<see cref="ScenarioResult.MaxLeadersAtOnce"/>) and the pictures all walk the trace through
/// <see cref="Walk"/>. A paused leader still believes it leads: its stretch runs on through the pause.
/// </remarks>
public static class Leadership
{
    /// <summary>The most nodes that believed they led at the same virtual instant.</summary>
    /// <param name="trace">The run.</param>
    public static int MaxLeadersAtOnce(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return Walk(trace.Protocol, end: null).MaxAtOnce;
    }

    /// <summary>The first instant two nodes believed they led, with the two lines that made them leaders; null if never.</summary>
    /// <param name="trace">The run.</param>
    public static (TraceEntry First, TraceEntry Second)? FirstOverlap(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return Walk(trace.Protocol, end: null).FirstOverlap;
    }

    /// <summary>Every stretch of leadership in <paramref name="trace"/>, in the order they began.</summary>
    /// <param name="trace">The run's trace (a <see cref="Trace"/> or any list of its lines, oldest first).</param>
    /// <param name="end">When the run ended; null: the time of the trace's last line. A leader still leading then leads until it.</param>
    public static IReadOnlyList<LeadershipInterval> Intervals(IReadOnlyList<TraceEntry> trace, TimeSpan? end = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return Walk(trace, end ?? (trace.Count > 0 ? trace[trace.Count - 1].Time : TimeSpan.Zero)).Intervals;
    }

    /// <summary>Every stretch of time in which two or more nodes believed they were leader.</summary>
    /// <param name="trace">The run's trace.</param>
    /// <param name="end">When the run ended; null: the time of the trace's last line.</param>
    public static IReadOnlyList<SplitBrainWindow> SplitBrainWindows(IReadOnlyList<TraceEntry> trace, TimeSpan? end = null) =>
        Overlaps(Intervals(trace, end));

    /// <summary>The stretches of time covered by two or more of <paramref name="intervals"/>.</summary>
    /// <param name="intervals">Stretches of leadership, from <see cref="Intervals"/>.</param>
    public static IReadOnlyList<SplitBrainWindow> Overlaps(IReadOnlyList<LeadershipInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var cuts = intervals.SelectMany(i => new[] { i.From, i.Until }).Distinct().Order().ToArray();
        var windows = new List<SplitBrainWindow>();
        for (int k = 0; k + 1 < cuts.Length; k++)
        {
            var (from, until) = (cuts[k], cuts[k + 1]);
            var leaders = intervals.Where(i => i.From <= from && i.Until >= until).ToArray();
            if (leaders.Length < 2)
            {
                continue;
            }

            // Join with the window just before when the same leaders carry on.
            if (windows.Count > 0 && windows[^1].Until == from && windows[^1].Leaders.SequenceEqual(leaders))
            {
                windows[^1] = windows[^1] with { Until = until };
            }
            else
            {
                windows.Add(new SplitBrainWindow(from, until, leaders));
            }
        }

        return windows;
    }

    /// <summary>What one walk over the leadership lines found.</summary>
    private sealed record Reading(
        IReadOnlyList<LeadershipInterval> Intervals, int MaxAtOnce, (TraceEntry First, TraceEntry Second)? FirstOverlap);

    /// <summary>
    /// The walk: each <see cref="TraceKind.Elected"/> line opens a stretch (closing the node's own earlier one),
    /// each <see cref="TraceKind.SteppedDown"/> or <see cref="TraceKind.Crash"/> closes it. Along the way it counts
    /// how many lead at once, line by line, so two leaders at the same instant count even when no time passes.
    /// </summary>
    /// <param name="trace">The lines, oldest first.</param>
    /// <param name="end">Where the stretches still open are closed; null when only the counts are wanted.</param>
    private static Reading Walk(IReadOnlyList<TraceEntry> trace, TimeSpan? end)
    {
        var open = new Dictionary<NodeId, (Term Term, TraceEntry Line)>();
        var done = new List<LeadershipInterval>();
        int max = 0;
        (TraceEntry, TraceEntry)? overlap = null;
        foreach (var entry in trace)
        {
            if (entry.Node is not { } node)
            {
                continue;
            }

            switch (entry.Kind)
            {
                case TraceKind.Elected:
                    if (overlap is null && open.Count > 0 && !open.ContainsKey(node))
                    {
                        overlap = (open.Values.First().Line, entry);
                    }

                    // A lease holder records its fencing token where an elected leader records its term: both number the reign.
                    Term term = entry.Detail switch { Term t => t, FencingToken token => new Term(token.Value), _ => new Term(0) };
                    if (open.Remove(node, out var before))
                    {
                        done.Add(new LeadershipInterval(node, before.Term, before.Line.Time, entry.Time, $"elected again for {term}"));
                    }

                    open[node] = (term, entry);
                    break;
                case TraceKind.SteppedDown or TraceKind.Crash when open.Remove(node, out var leading):
                    done.Add(new LeadershipInterval(node, leading.Term, leading.Line.Time, entry.Time,
                        entry.Kind == TraceKind.Crash ? "crashed" : "stepped down"));
                    break;
            }

            max = Math.Max(max, open.Count);
        }

        if (end is { } last)
        {
            foreach (var (node, leading) in open)
            {
                done.Add(new LeadershipInterval(node, leading.Term, leading.Line.Time, Max(last, leading.Line.Time), "run ended"));
            }
        }

        return new Reading(done.OrderBy(i => i.From).ThenBy(i => i.Node.Index).ToArray(), max, overlap);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
