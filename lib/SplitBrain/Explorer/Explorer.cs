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

        var schedules = new ExploreSchedules(scenario, options.Fencing, options.Quorum, options.Margin, options.Tokens);
        ScenarioOptions OptionsFor(long seed) => schedules.OptionsFor(seed);

        // Fail fast on options the scenario does not take (a quorum without elections).
        scenario.Run(OptionsFor(options.FirstSeed) with { Faults = [] });

        long done = 0;
        long violations = 0;
        long firstIndex = long.MaxValue;
        ScenarioResult? first = null;
        var gate = new object();
        var watch = Stopwatch.StartNew();
        ExploreProgress Now() => new(Interlocked.Read(ref done), Interlocked.Read(ref violations), done / Math.Max(watch.Elapsed.TotalSeconds, 1e-9));

        // One batch, or batches of ReportEvery seeds with a report after each: a batch ends only when all its
        // seeds have run, so the counts it reports are the same on every machine.
        long batch = options.ReportEvery ?? options.Schedules;
        bool stopped = false;
        for (long start = 0; start < options.Schedules && !stopped; start += batch)
        {
            var state = Parallel.For(start, Math.Min(options.Schedules, start + batch), new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, (index, loop) =>
            {
                if (options.TimeBudget is { } budget && watch.Elapsed > budget)
                {
                    loop.Stop();
                    return;
                }

                var result = scenario.Run(OptionsFor(options.FirstSeed + index));
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
                            first = result;
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
            stopped = !state.IsCompleted;
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

        // Stopping at the first violation, other cores may have run seeds past it, more or fewer depending on
        // the machine: report the schedules up to and including the first violating seed, the same everywhere.
        bool stoppedEarly = options.StopAtFirstViolation && first is not null;
        var found = new ExploreResult
        {
            Scenario = scenario.Name,
            Fencing = options.Fencing,
            Schedules = stoppedEarly ? firstIndex + 1 : done,
            Violations = stoppedEarly ? 1 : violations,
            SchedulesRun = done,
            StoppedAtFirstViolation = stoppedEarly,
            Elapsed = watch.Elapsed,
        };
        if (first is null)
        {
            return found;
        }

        var shrinkWatch = Stopwatch.StartNew();
        var shrunk = schedules.Shrink(found, first);
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
}
