namespace SplitBrain;

/// <summary>
/// Keeps every progress report of an exploration, in order, and shows each one as it comes if you ask:
/// the live line under a notebook cell, then the chart of the whole search. Unlike
/// <see cref="Progress{T}"/>, it hears each report at once, on the thread that made it, so the reports are all
/// there when <see cref="Explorer.Run"/> returns.
/// </summary>
/// <example>
/// <code>
/// var log = new ExploreProgressLog(p => line.Update($"{p.Schedules} tried, {p.Violations} broke an invariant"));
/// Explorer.Run(bank, new ExploreOptions { Schedules = 1000, ReportEvery = 250, Progress = log });
/// Pictures.Progress(log.Reports)
/// </code>
/// </example>
/// <param name="onReport">Called with each report as it comes (for a live line); null to only keep them.</param>
public sealed class ExploreProgressLog(Action<ExploreProgress>? onReport = null) : IProgress<ExploreProgress>
{
    private readonly List<ExploreProgress> reports = [];

    /// <summary>Every report so far, oldest first.</summary>
    public IReadOnlyList<ExploreProgress> Reports
    {
        get
        {
            lock (reports)
            {
                return reports.ToArray();
            }
        }
    }

    /// <summary>Keeps <paramref name="value"/> and shows it.</summary>
    /// <param name="value">How the exploration is going.</param>
    public void Report(ExploreProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (reports)
        {
            reports.Add(value);
        }

        onReport?.Invoke(value);
    }
}
