namespace SplitBrain.Visuals;

/// <summary>
/// Who believed they were leader, and when, read from a trace's <see cref="TraceKind.Elected"/>,
/// <see cref="TraceKind.SteppedDown"/> and <see cref="TraceKind.Crash"/> lines.
/// </summary>
/// <remarks>
/// A paused leader still believes it leads: its bar runs on through the pause. That is the danger the lessons
/// show: belief, not the cluster's view, is what lets a node write.
/// </remarks>
public static class LeadershipHistory
{
    /// <summary>Every stretch of leadership in <paramref name="trace"/>, in the order they began.</summary>
    /// <param name="trace">The run's trace.</param>
    /// <param name="end">When the run ended; null: the time of the trace's last line.</param>
    public static IReadOnlyList<LeadershipInterval> Intervals(IReadOnlyList<TraceEntry> trace, TimeSpan? end = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        TimeSpan last = end ?? (trace.Count > 0 ? trace[trace.Count - 1].Time : TimeSpan.Zero);
        var open = new Dictionary<NodeId, (Term Term, TimeSpan From)>();
        var done = new List<LeadershipInterval>();
        foreach (var entry in trace)
        {
            if (entry.Node is not { } node)
            {
                continue;
            }

            switch (entry.Kind)
            {
                case TraceKind.Elected:
                    // A lease holder records its fencing token where an elected leader records its term: both number the reign.
                    Term term = entry.Detail switch { Term t => t, FencingToken token => new Term(token.Value), _ => new Term(0) };
                    if (open.Remove(node, out var before))
                    {
                        done.Add(new LeadershipInterval(node, before.Term, before.From, entry.Time, $"elected again for {term}"));
                    }

                    open[node] = (term, entry.Time);
                    break;
                case TraceKind.SteppedDown or TraceKind.Crash when open.Remove(node, out var leading):
                    done.Add(new LeadershipInterval(node, leading.Term, leading.From, entry.Time,
                        entry.Kind == TraceKind.Crash ? "crashed" : "stepped down"));
                    break;
            }
        }

        done.AddRange(open.Select(o => new LeadershipInterval(o.Key, o.Value.Term, o.Value.From, Max(last, o.Value.From), "run ended")));
        return done.OrderBy(i => i.From).ThenBy(i => i.Node.Index).ToArray();
    }

    /// <summary>Every stretch of time in which two or more nodes believed they were leader.</summary>
    /// <param name="trace">The run's trace.</param>
    /// <param name="end">When the run ended; null: the time of the trace's last line.</param>
    public static IReadOnlyList<SplitBrainWindow> SplitBrainWindows(IReadOnlyList<TraceEntry> trace, TimeSpan? end = null) =>
        Overlaps(Intervals(trace, end));

    /// <summary>The stretches of time covered by two or more of <paramref name="intervals"/>.</summary>
    /// <param name="intervals">Stretches of leadership.</param>
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

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
