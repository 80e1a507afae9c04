namespace SplitBrain;

/// <summary>How an <see cref="Explorer"/> searches: how many schedules, with which protection, for how long.</summary>
public sealed record ExploreOptions
{
    /// <summary>How many fault schedules to try, at most. Default 10,000.</summary>
    public int Schedules { get; init; } = 10_000;

    /// <summary>The seed of the first schedule; schedule k uses seed <c>FirstSeed + k</c>. Default 1.</summary>
    public long FirstSeed { get; init; } = 1;

    /// <summary>Whether the scenario's protection is on.</summary>
    public bool Fencing { get; init; }

    /// <summary>Switches the lease margin alone (see <see cref="ScenarioOptions.Margin"/>); null follows <see cref="Fencing"/>.</summary>
    public bool? Margin { get; init; }

    /// <summary>Switches the token check alone (see <see cref="ScenarioOptions.Tokens"/>); null follows <see cref="Fencing"/>.</summary>
    public bool? Tokens { get; init; }

    /// <summary>The election quorum, for scenarios with elections; null for a majority.</summary>
    public int? Quorum { get; init; }

    /// <summary>Stop after this much wall-clock time, if set. The schedules tried are then a prefix of the seeds.</summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>How many schedules run at once, each on its own core, each single-threaded. Default: one per core.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Whether to stop at the first violation (default) or count them all.</summary>
    public bool StopAtFirstViolation { get; init; } = true;

    /// <summary>
    /// Called with every violating run, as it is found, from the worker that ran it (so possibly from several
    /// threads at once); null for none. This is how the histories of violating schedules are kept.
    /// </summary>
    public Action<ScenarioResult>? OnViolation { get; init; }

    /// <summary>
    /// Receives progress now and then, for a live progress line: every 1,000 schedules, in whatever order the
    /// cores finish them, or after every <see cref="ReportEvery"/> schedules. An <see cref="ExploreProgressLog"/>
    /// keeps every report and can show each one as it comes.
    /// </summary>
    public IProgress<ExploreProgress>? Progress { get; init; }

    /// <summary>
    /// If set, the schedules run in batches of this many seeds, one batch after another, and
    /// <see cref="Progress"/> hears after each batch, on the calling thread. Each report then counts exactly
    /// the seeds up to the batch's end, so its schedules and violations are the same on every machine (only
    /// the rate differs). Null (the default): one batch, and a report every 1,000 schedules.
    /// </summary>
    public int? ReportEvery { get; init; }
}
