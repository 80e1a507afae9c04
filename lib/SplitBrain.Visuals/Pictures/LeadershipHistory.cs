namespace SplitBrain.Visuals;

/// <summary>
/// Who believed they were leader, and when: the names the lessons use for <see cref="Leadership"/>, the one reading
/// of leadership that the checkers use too, so a picture can never disagree with a verdict.
/// </summary>
/// <remarks>
/// A paused leader still believes it leads: its bar runs on through the pause. That is the danger the lessons
/// show: belief, not the cluster's view, is what lets a node write.
/// </remarks>
public static class LeadershipHistory
{
    /// <summary>Every stretch of leadership in <paramref name="trace"/>, in the order they began. See <see cref="Leadership.Intervals"/>.</summary>
    /// <param name="trace">The run's trace.</param>
    /// <param name="end">When the run ended; null: the time of the trace's last line.</param>
    public static IReadOnlyList<LeadershipInterval> Intervals(IReadOnlyList<TraceEntry> trace, TimeSpan? end = null) =>
        Leadership.Intervals(trace, end);

    /// <summary>Every stretch of time in which two or more nodes believed they were leader. See <see cref="Leadership.SplitBrainWindows"/>.</summary>
    /// <param name="trace">The run's trace.</param>
    /// <param name="end">When the run ended; null: the time of the trace's last line.</param>
    public static IReadOnlyList<SplitBrainWindow> SplitBrainWindows(IReadOnlyList<TraceEntry> trace, TimeSpan? end = null) =>
        Leadership.SplitBrainWindows(trace, end);

    /// <summary>The stretches of time covered by two or more of <paramref name="intervals"/>. See <see cref="Leadership.Overlaps"/>.</summary>
    /// <param name="intervals">Stretches of leadership.</param>
    public static IReadOnlyList<SplitBrainWindow> Overlaps(IReadOnlyList<LeadershipInterval> intervals) =>
        Leadership.Overlaps(intervals);
}
