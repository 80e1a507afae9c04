using System.Diagnostics;

namespace SplitBrain;

/// <summary>
/// Tests a scenario under thousands of random fault schedules: partitions, one-way cuts, pauses, crashes
/// and clock changes, drawn from one seed per schedule within the scenario's <see cref="ExploreBounds"/>.
/// It stops at the first broken invariant, shrinks that schedule to the faults that matter, and gives the
/// command that replays it.
/// </summary>
/// <remarks>
/// Schedules run in parallel, one per core, but each run is single-threaded and deterministic. The first
/// violating seed reported is the lowest one, whatever order the cores finished in, so the same search
/// always reports the same failure. Fencing you have not tested under partitions is an assumption; this
/// is the test.
/// </remarks>
public static class Explorer
{
    /// <summary>Explores <paramref name="scenario"/>.</summary>
    /// <param name="scenario">The scenario, whose own script of faults is replaced by random schedules.</param>
    /// <param name="options">How many schedules, which protection, how long.</param>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public static ExploreResult Run(Scenario scenario, ExploreOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        CheckRanges(options);
        var schedules = new ExploreSchedules(scenario, options.Fencing, options.Quorum, options.Margin, options.Tokens);

        // Fail fast on options the scenario does not take (a quorum without elections).
        scenario.Run(schedules.OptionsFor(options.FirstSeed) with { Faults = [] });

        var search = new Search(scenario, options, schedules);
        search.RunBatches();
        var found = search.Result();
        if (search.First is null)
        {
            return found;
        }

        var shrinkWatch = Stopwatch.StartNew();
        var shrunk = schedules.Shrink(found, search.First);
        shrinkWatch.Stop();
        return shrunk with { ShrinkElapsed = shrinkWatch.Elapsed };
    }

    /// <summary>The arguments after <c>course</c> that run <paramref name="scenario"/> with exactly <paramref name="options"/>.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">The options, with an explicit fault schedule.</param>
    public static string ReplayCommand(Scenario scenario, ScenarioOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        return options.ReplayCommand(scenario.Name, FaultSchedule.Format(options.Faults ?? scenario.Script(options)));
    }

    private static void CheckRanges(ExploreOptions options)
    {
        if (options.Schedules < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Schedules, "Explore at least 1 schedule.");
        }

        if (options.FirstSeed > long.MaxValue - (options.Schedules - 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FirstSeed, $"The seeds of {options.Schedules} schedules from {options.FirstSeed} would pass the largest seed, {long.MaxValue}; start at {long.MaxValue - (options.Schedules - 1)} or lower.");
        }

        if (options.Parallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Parallelism, "Parallelism is at least 1.");
        }

        if (options.ReportEvery is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ReportEvery, "Report progress every 1 schedule or more.");
        }
    }

    /// <summary>
    /// One search: the schedules run so far, the violations among them, and the lowest violating seed. Its
    /// counts are shared by the cores, so they change only under <see cref="Interlocked"/> or the gate.
    /// </summary>
    private sealed class Search(Scenario scenario, ExploreOptions options, ExploreSchedules schedules)
    {
        private readonly object gate = new();
        private readonly Stopwatch watch = Stopwatch.StartNew();
        private long done;
        private long violations;
        private long firstIndex = long.MaxValue;

        /// <summary>The run of the lowest violating seed found, if any.</summary>
        public ScenarioResult? First { get; private set; }

        /// <summary>
        /// Runs the seeds in one batch, or in batches of <see cref="ExploreOptions.ReportEvery"/> seeds with a
        /// report after each: a batch ends only when all its seeds have run, so the counts it reports are the
        /// same on every machine.
        /// </summary>
        public void RunBatches()
        {
            long batch = options.ReportEvery ?? options.Schedules;
            bool stopped = false;
            for (long start = 0; start < options.Schedules && !stopped; start += batch)
            {
                stopped = !RunBatch(start, Math.Min(options.Schedules, start + batch));
                if (options.ReportEvery is not null)
                {
                    options.Progress?.Report(Now());
                }
            }

            watch.Stop();
            if (options.ReportEvery is null)
            {
                options.Progress?.Report(Now());
            }
        }

        /// <summary>
        /// What the search found. Stopping at the first violation, other cores may have run seeds past it, more
        /// or fewer depending on the machine: it counts the schedules up to and including the first violating
        /// seed, the same everywhere.
        /// </summary>
        public ExploreResult Result()
        {
            bool stoppedEarly = options.StopAtFirstViolation && First is not null;
            return new ExploreResult
            {
                Scenario = scenario.Name,
                Fencing = options.Fencing,
                Schedules = stoppedEarly ? firstIndex + 1 : done,
                Violations = stoppedEarly ? 1 : violations,
                SchedulesRun = done,
                StoppedAtFirstViolation = stoppedEarly,
                Elapsed = watch.Elapsed,
            };
        }

        // Runs the seeds from start up to (not including) end in parallel; false if the search stopped inside it.
        private bool RunBatch(long start, long end)
        {
            var state = Parallel.For(start, end, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, (index, loop) =>
            {
                if (options.TimeBudget is { } budget && watch.Elapsed > budget)
                {
                    loop.Stop();
                    return;
                }

                var result = scenario.Run(schedules.OptionsFor(options.FirstSeed + index));
                long count = Interlocked.Increment(ref done);
                if (result.Violations.Count > 0)
                {
                    Interlocked.Increment(ref violations);
                    options.OnViolation?.Invoke(result);
                    lock (gate)
                    {
                        if (index < firstIndex)
                        {
                            firstIndex = index;
                            First = result;
                        }
                    }

                    if (options.StopAtFirstViolation)
                    {
                        loop.Break();
                    }
                }

                if (options.ReportEvery is null && options.Progress is { } progress && count % 1000 == 0)
                {
                    progress.Report(new ExploreProgress(count, Interlocked.Read(ref violations), count / watch.Elapsed.TotalSeconds));
                }
            });
            return state.IsCompleted;
        }

        private ExploreProgress Now() => new(Interlocked.Read(ref done), Interlocked.Read(ref violations), done / Math.Max(watch.Elapsed.TotalSeconds, 1e-9));
    }
}
