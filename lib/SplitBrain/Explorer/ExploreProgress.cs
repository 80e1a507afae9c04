namespace SplitBrain;

/// <summary>How an exploration is going.</summary>
/// <param name="Schedules">Schedules tried so far.</param>
/// <param name="Violations">Schedules that broke an invariant so far.</param>
/// <param name="SchedulesPerSecond">The rate so far, in wall-clock time.</param>
public sealed record ExploreProgress(long Schedules, long Violations, double SchedulesPerSecond);
