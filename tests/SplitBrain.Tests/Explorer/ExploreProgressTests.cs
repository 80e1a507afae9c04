namespace SplitBrain.Tests.Explorer;

/// <summary>Progress that is the same on every machine, a log that keeps it, and a result that replays itself.</summary>
public class ExploreProgressTests
{
    private static readonly Scenario Bank = SplitBrain.Scenarios.Get("bank-ledger");

    private static (ExploreResult Result, IReadOnlyList<ExploreProgress> Reports) Explore(int parallelism, int? reportEvery, int schedules = 200)
    {
        var log = new ExploreProgressLog();
        var result = SplitBrain.Explorer.Run(Bank, new ExploreOptions
        {
            Schedules = schedules,
            FirstSeed = 1001,
            StopAtFirstViolation = false,
            Parallelism = parallelism,
            ReportEvery = reportEvery,
            Progress = log,
        });
        return (result, log.Reports);
    }

    [Fact]
    public void Reporting_every_50_reports_after_each_batch_the_same_counts_on_one_core_or_two()
    {
        var one = Explore(parallelism: 1, reportEvery: 50);
        var two = Explore(parallelism: 2, reportEvery: 50);

        Assert.Equal([50L, 100L, 150L, 200L], one.Reports.Select(r => r.Schedules));
        Assert.Equal(one.Reports.Select(r => r.Violations), two.Reports.Select(r => r.Violations));
        Assert.True(one.Reports.Zip(one.Reports.Skip(1)).All(p => p.First.Violations <= p.Second.Violations), "violations only add up");
        Assert.Equal(one.Result.Violations, one.Reports[^1].Violations);
        Assert.True(one.Result.Violations > 0, "the unfenced bank breaks under some of 200 schedules");
    }

    [Fact]
    public void Batches_find_what_one_batch_finds()
    {
        var batched = Explore(parallelism: 2, reportEvery: 64);
        var whole = Explore(parallelism: 2, reportEvery: null);

        Assert.Equal(4, batched.Reports.Count); // 64, 128, 192, 200
        Assert.Equal(200, batched.Reports[^1].Schedules);
        Assert.Single(whole.Reports);
        Assert.Equal((whole.Result.Schedules, whole.Result.Violations, whole.Result.FirstViolatingSeed), (batched.Result.Schedules, batched.Result.Violations, batched.Result.FirstViolatingSeed));
        Assert.Equal(whole.Result.ReplayTraceHash, batched.Result.ReplayTraceHash);
    }

    [Fact]
    public void Stopping_at_the_first_violation_stops_after_its_batch()
    {
        var log = new ExploreProgressLog();
        var result = SplitBrain.Explorer.Run(Bank, new ExploreOptions { Schedules = 1000, FirstSeed = 1001, Parallelism = 1, ReportEvery = 10, Progress = log });
        Assert.True(result.StoppedAtFirstViolation);
        Assert.Single(log.Reports);
        Assert.Equal(result.FirstViolatingSeed - 1001 + 1, result.Schedules);
    }

    [Fact]
    public void The_log_shows_each_report_as_it_comes_in_order()
    {
        var seen = new List<long>();
        var log = new ExploreProgressLog(p => seen.Add(p.Schedules));
        SplitBrain.Explorer.Run(Bank, new ExploreOptions { Schedules = 30, FirstSeed = 1001, StopAtFirstViolation = false, ReportEvery = 10, Progress = log });
        Assert.Equal([10L, 20L, 30L], seen);
        Assert.Equal(seen, log.Reports.Select(r => r.Schedules));
    }

    [Fact]
    public void The_replay_options_run_the_shrunk_failure_with_the_replays_trace_hash()
    {
        var (result, _) = Explore(parallelism: 2, reportEvery: null);
        var options = result.ReplayOptions!;
        Assert.Equal(result.FirstViolatingSeed, options.Seed);
        Assert.Equal(result.ShrunkSchedule, options.Faults);
        var replayed = Bank.Run(options);
        Assert.Equal(result.ReplayTraceHash, replayed.TraceHash);
        Assert.Equal(result.FirstViolation!.Invariant, replayed.Violations[0].Invariant);
    }

    [Fact]
    public void Reporting_every_0_schedules_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SplitBrain.Explorer.Run(Bank, new ExploreOptions { Schedules = 10, ReportEvery = 0 }));
        Assert.Contains("every 1 schedule or more", error.Message, StringComparison.Ordinal);
    }
}
