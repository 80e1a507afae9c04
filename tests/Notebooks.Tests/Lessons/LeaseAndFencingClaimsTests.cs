using SplitBrain;
using Notebooks.Tests.Support;
using SplitBrain.Visuals;

namespace Notebooks.Tests.Lessons;

/// <summary>
/// The numbers lessons 03 (leases, clocks and pauses) and 04 (fencing tokens and storage guards) state, checked
/// against the scenarios and against runs built from the same parts as the lessons' own cells.
/// </summary>
public sealed class LeaseAndFencingClaimsTests
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(0.1);

    [Fact]
    public void Lesson03_the_lease_lasts_10_s_is_renewed_every_3_s_and_starts_at_token_33()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), LeaseScenario.LeaseTtl);
        Assert.Equal(TimeSpan.FromSeconds(3), new LeaseHolderSettings { Service = LeaseScenario.ServiceName }.RenewEvery);
        Assert.Equal(33, LeaseScenario.FirstToken);
        Assert.Equal(TimeSpan.FromSeconds(40), GcPauseScenario.PauseLength);
    }

    [Fact]
    public void Lesson03_and_04_gc_pause_runs_every_job_twice_without_checks_and_once_with_them()
    {
        var off = Scenarios.Run("gc-pause", new ScenarioOptions { Seed = 1, Fencing = false });
        var on = Scenarios.Run("gc-pause", new ScenarioOptions { Seed = 1, Fencing = true });

        Assert.Equal((6L, 12L, 6L, 0), (off.Figures[RunFigure.Jobs], off.Figures[RunFigure.JobRuns], off.Figures[RunFigure.JobsRunTwice], off.RejectedWrites));
        Assert.Equal((6L, 0L, 6), (on.Figures[RunFigure.JobRuns], on.Figures[RunFigure.JobsRunTwice], on.RejectedWrites));
        Assert.Empty(on.Violations);
        Assert.Equal([Checkers.JobOnce.Id, Checkers.NoStaleWrite.Id], off.Violations.Select(v => v.Invariant).Distinct().Order());

        // "S1 last renewed at about 3 s, the lease runs out at about 13 s; S2 gets 34; S1 sends its batch at 45 s".
        var expired = Assert.Single(off.Trace.OfKind(TraceKind.LeaseExpired));
        Assert.InRange(expired.Time.TotalSeconds, 12.5, 13.5);
        var grants = off.Trace.OfKind(TraceKind.LeaseGranted).Select(e => (e.Peer?.Name, e.DetailAs<Lease>().Token.Value)).ToArray();
        Assert.Equal([("S1", 33L), ("S2", 34L)], grants);
        var runs = off.Trace.OfKind(TraceKind.JobRun).Select(e => (e.Time, Job: e.DetailAs<JobExecution>())).ToArray();
        Assert.All(runs.Where(r => r.Job.Token.Value == 34), r => Assert.InRange(r.Time.TotalSeconds, 13.5, 14.0));
        Assert.All(runs.Where(r => r.Job.Token.Value == 33), r => Assert.InRange(r.Time.TotalSeconds, 45.0, 45.1));
        Assert.All(on.Trace.OfKind(TraceKind.WriteRejected), e => Assert.Equal(("S1", 33L), (e.Peer?.Name, e.DetailAs<WriteDecision>().Token?.Value)));

        // "The red overlap is the split brain, about 32 seconds long", and it is the same with checks.
        foreach (var run in new[] { off, on })
        {
            var window = Assert.Single(LeadershipHistory.SplitBrainWindows(run.Trace, run.Simulation.Now));
            Assert.InRange(window.Length.TotalSeconds, 31.0, 33.0);
            Assert.Equal(["term 33", "term 34"], window.Leaders.Select(l => l.Term.ToString()));
        }
    }

    [Theory]
    [InlineData(40, 10, 6)]
    [InlineData(10, 10, 6)]
    [InlineData(5, 10, 0)]
    [InlineData(10, 30, 0)]
    [InlineData(40, 30, 6)]
    public void Lesson03_your_pause_runs_jobs_twice_only_when_it_outlasts_the_lease(double pause, double ttl, int twice)
    {
        var sim = PauseRun(pause, ttl, workersCheck: false);
        Assert.Equal(twice, JobsRunTwice(sim));
        Assert.Equal(0, JobsRunTwice(PauseRun(pause, ttl, workersCheck: true)));
    }

    [Fact]
    public void Lesson03_the_built_pause_run_matches_the_scenario()
    {
        var scenario = Scenarios.Run("gc-pause", new ScenarioOptions { Seed = 1 });
        var built = PauseRun(40, 10, workersCheck: false);
        Assert.Equal(
            scenario.Trace.OfKind(TraceKind.JobRun).Select(e => (e.Time, e.Detail?.ToString())),
            built.Trace.OfKind(TraceKind.JobRun).Select(e => (e.Time, e.Detail?.ToString())));
    }

    [Fact]
    public void Lesson03_clock_skew_each_defence_alone_does_what_the_lesson_says()
    {
        const string Lesson = "03-leases-clocks-and-pauses.ipynb";
        var none = Scenarios.Run("clock-skew-lease", new ScenarioOptions { Seed = 1, Margin = false, Tokens = false });
        var marginOnly = Scenarios.Run("clock-skew-lease", new ScenarioOptions { Seed = 1, Margin = true, Tokens = false });
        var tokensOnly = Scenarios.Run("clock-skew-lease", new ScenarioOptions { Seed = 1, Margin = false, Tokens = true });
        var both = Scenarios.Run("clock-skew-lease", new ScenarioOptions { Seed = 1, Fencing = true });

        Assert.Equal((10L, 2L, 6L), (none.Figures[RunFigure.LeaseTtlSeconds], none.Figures[RunFigure.MaxSkewSeconds], none.Figures[RunFigure.UsableLeaseSeconds]));
        Assert.Equal(TimeSpan.FromSeconds(6), ClockSkewLeaseScenario.UsableLeaseTime);
        Assert.Equal(LessonText.Number(Lesson, @"runs \*\*(\d+)% fast\*\*"), ClockSkewLeaseScenario.ClockDrift * 100, 6);
        Assert.Equal(LessonText.Number(Lesson, @"Here it is \*\*(\d+) seconds\*\*"), ClockSkewLeaseScenario.MaxSkew.TotalSeconds);

        // The lesson's sentences about the run with both defences off.
        double Time(ScenarioResult run, TraceKind kind, string node) => run.Trace.OfKind(kind).Single(e => e.Node?.Name == node).Time.TotalSeconds;
        Assert.Equal(LessonText.Number(Lesson, @"counts 10 seconds in only ([\d.]+) true seconds"), none.Trace.OfKind(TraceKind.LeaseExpired).First().Time.TotalSeconds, 0.05);
        Assert.Equal(LessonText.Number(Lesson, @"H2 took over at about ([\d.]+) seconds"), Time(none, TraceKind.Elected, "H2"), 0.05);
        Assert.Equal(LessonText.Number(Lesson, @"H1 stopped only at ([\d.]+) seconds"), Time(none, TraceKind.SteppedDown, "H1"), 3);
        Assert.Equal(LessonText.Number(Lesson, @"For about ([\d.]+) seconds both believed"), LeadershipHistory.SplitBrainWindows(none.Trace, none.Simulation.Now).Single().Length.TotalSeconds, 0.05);
        Assert.Equal((long)LessonText.Number(Lesson, @"`staleWritesAccepted` is (\d+)"), none.Figures[RunFigure.StaleWritesAccepted]);
        Assert.True(none.Broke(Checkers.NoStaleWrite));

        // The margin alone: H1 stops early, no overlap, no stale write, no token checked.
        Assert.Equal(LessonText.Number(Lesson, @"With the margin alone, H1 stops at ([\d.]+) seconds"), Time(marginOnly, TraceKind.SteppedDown, "H1"), 3);
        Assert.Equal(LessonText.Number(Lesson, @"and H2 leads from ([\d.]+) seconds"), Time(marginOnly, TraceKind.Elected, "H2"), 0.05);
        Assert.Equal((1, 0, 0L), (marginOnly.MaxLeadersAtOnce, marginOnly.RejectedWrites, marginOnly.Figures[RunFigure.StaleWritesAccepted]));
        Assert.Empty(marginOnly.Violations);

        // Tokens alone: the overlap stays, the store refuses the late writes.
        Assert.Equal(LessonText.Number(Lesson, @"refuses H1's 33: (\d+) writes refused"), tokensOnly.RejectedWrites);
        Assert.Equal((2, 0L), (tokensOnly.MaxLeadersAtOnce, tokensOnly.Figures[RunFigure.StaleWritesAccepted]));
        Assert.Empty(tokensOnly.Violations);
        Assert.Empty(both.Violations);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    public void Lesson03_the_window_is_about_2_x_skew_and_a_margin_closes_it_up_to_half_its_size(double ttl)
    {
        foreach (double skew in new[] { 0, 0.5, 1, 1.5, 2, 2.5, 3 })
        {
            foreach (double margin in new[] { 0.0, 2, 4 })
            {
                double measured = WindowSeconds(SkewRun(ttl, skew, margin));
                string where = $"TTL {ttl} s, skew {skew} s, margin {margin} s: window {measured:0.00} s";
                if (2 * skew <= margin)
                {
                    Assert.True(measured <= Tolerance.TotalSeconds, $"{where}; the lesson says no window up to a skew of half the margin");
                }
                else if (margin == 0)
                {
                    Assert.True(Math.Abs(measured - (2 * skew)) <= Tolerance.TotalSeconds + (0.1 * 2 * skew), $"{where}; the lesson says about {2 * skew} s");
                }
                else
                {
                    Assert.True(measured < 2 * skew && (skew < 3 || measured > 0), $"{where}; the lesson says the window opens again past the margin's bound, smaller than without one");
                }
            }
        }
    }

    [Fact]
    public void Lesson04_the_guard_refuses_33_after_34_and_accepts_34_again_and_35()
    {
        var guard = StorageGuard.Fencing(new DurableState());
        var verdicts = new long[] { 33, 34, 33, 34, 35 }.Select(t => guard.TryAdmit(new FencingToken(t), out _)).ToArray();
        Assert.Equal([true, true, false, true, true], verdicts);
    }

    [Fact]
    public void Lesson04_clock_tokens_reverse_the_grants_and_lock_out_the_real_holder()
    {
        var clock = Scenarios.Run("timestamp-tokens", new ScenarioOptions { Seed = 1, Fencing = false });
        var counter = Scenarios.Run("timestamp-tokens", new ScenarioOptions { Seed = 1, Fencing = true });

        Assert.Equal(TimeSpan.FromSeconds(30), TimestampTokensScenario.H1ClockAhead);
        Assert.Equal([("H1", 33L), ("H2", 34L)], clock.Trace.OfKind(TraceKind.LeaseGranted).Select(e => (e.Peer?.Name, e.DetailAs<Lease>().Token.Value)));
        Assert.Equal([("H1", 30013L), ("H2", 10112L)], clock.Trace.OfKind(TraceKind.Elected).Select(e => (e.Node?.Name, e.DetailAs<FencingToken>().Value)));

        int StaleAccepted(ScenarioResult r) => r.Trace.OfKind(TraceKind.WriteAccepted).Count(e => e.Peer?.Name == "H1" && e.Time > TimeSpan.FromSeconds(40));
        int RealHolderRefused(ScenarioResult r) => r.Trace.OfKind(TraceKind.WriteRejected).Count(e => e.Peer?.Name == "H2");
        Assert.Equal((2, 39), (StaleAccepted(clock), RealHolderRefused(clock)));
        Assert.Equal((0, 0), (StaleAccepted(counter), RealHolderRefused(counter)));
        var firstRefusal = clock.Trace.OfKind(TraceKind.WriteRejected).First();
        Assert.Equal(40.7, firstRefusal.Time.TotalSeconds, 1);
        Assert.InRange(clock.Trace.OfKind(TraceKind.WriteAccepted).First(e => e.Peer?.Name == "H1" && e.Time > TimeSpan.FromSeconds(40)).Time.TotalSeconds, 40.4, 40.6);
    }

    [Fact]
    public void Lesson04_the_old_primary_gets_about_100_writes_in_without_a_check_and_2_with_it()
    {
        var off = Scenarios.Run("asymmetric-partition", new ScenarioOptions { Seed = 1, Fencing = false });
        var on = Scenarios.Run("asymmetric-partition", new ScenarioOptions { Seed = 1, Fencing = true });
        var takeover = off.Trace.OfKind(TraceKind.Elected).First(e => e.Node?.Name == "R").Time;

        Assert.Equal(10.12, takeover.TotalSeconds, 2);
        Assert.Equal(2, off.MaxLeadersAtOnce);
        Assert.Equal(off.Simulation.Now, LeadershipHistory.Intervals(off.Trace, off.Simulation.Now).Single(i => i.Node.Name == "P").Until);
        int After(ScenarioResult r, TraceKind kind) => r.Trace.OfKind(kind).Count(e => e.Peer?.Name == "P" && e.Time > takeover);
        Assert.Equal((100, 0), (After(off, TraceKind.WriteAccepted), After(off, TraceKind.WriteRejected)));
        Assert.Equal((2, 98), (After(on, TraceKind.WriteAccepted), After(on, TraceKind.WriteRejected)));
        Assert.Empty(on.Violations);
    }

    [Fact]
    public void Lesson04_a_forgetful_guard_accepts_33_after_the_restart_and_a_durable_one_refuses_it()
    {
        var forgetful = Scenarios.Run("forgetful-storage", new ScenarioOptions { Seed = 1, Fencing = false });
        var durable = Scenarios.Run("forgetful-storage", new ScenarioOptions { Seed = 1, Fencing = true });

        Assert.Equal(40.2, forgetful.Trace.OfKind(TraceKind.Crash).Single().Time.TotalSeconds, 3);
        Assert.Equal(44.75, forgetful.Trace.OfKind(TraceKind.Restart).Single().Time.TotalSeconds, 3);
        TraceEntry Stale(ScenarioResult r) => r.Trace.Protocol.Single(e => e.Kind is TraceKind.WriteAccepted or TraceKind.WriteRejected && e.Peer?.Name == "H1" && e.Time > TimeSpan.FromSeconds(44));
        Assert.Equal((TraceKind.WriteAccepted, 33L), (Stale(forgetful).Kind, Stale(forgetful).DetailAs<WriteDecision>().Token?.Value));
        Assert.Equal(TraceKind.WriteRejected, Stale(durable).Kind);
        Assert.InRange(Stale(forgetful).Time.TotalSeconds, 44.7, 44.8);
        Assert.True(forgetful.Broke(Checkers.NoStaleWrite));
        Assert.Empty(durable.Violations);
    }

    [Fact]
    public void Lesson04_blind_writes_pay_120_despite_tokens_and_a_conditional_write_pays_60()
    {
        var blind = Scenarios.Run("fenced-blind-write", new ScenarioOptions { Seed = 1, Fencing = false });
        var conditional = Scenarios.Run("fenced-blind-write", new ScenarioOptions { Seed = 1, Fencing = true });

        Assert.Equal((100L, 120L, 2, 0), (blind.Figures[RunFigure.InitialBalance], blind.Figures[RunFigure.PaidOut], blind.AcceptedWrites, blind.RejectedWrites));
        Assert.Equal([1L, 2L], blind.Trace.OfKind(TraceKind.WriteAccepted).Select(e => e.DetailAs<WriteDecision>().Token!.Value.Value));
        Assert.Equal((60L, 1, 1), (conditional.Figures[RunFigure.PaidOut], conditional.AcceptedWrites, conditional.RejectedWrites));
        Assert.Contains("does not cover", conditional.Trace.Writes(accepted: false).Single().Write.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Lesson04_a_correct_guard_swapped_into_the_bank_pays_60_once()
    {
        var run = new BankLedgerScenario(disk => new HighestTokenGuard()).Run(new ScenarioOptions { Seed = 1, Fencing = true });
        Assert.Equal((60L, 1), (run.Figures[RunFigure.PaidOut], run.RejectedWrites));
        Assert.Empty(run.Violations);
    }

    // The lessons' own cells, as they build runs from the library's parts.
    private static Simulation PauseRun(double pause, double ttl, bool workersCheck)
    {
        string[] workers = ["W1", "W2", "W3"];
        int[] batch = [1, 2, 3, 4, 5, 6];
        var sim = new Simulation(1);
        sim.AddNode("locks", () => new LeaseService(TimeSpan.FromSeconds(ttl), 33));
        sim.AddNode("S1", () => new JobScheduler(new LeaseHolderSettings { Service = "locks" }, workers, batch, batchAt: TimeSpan.FromSeconds(5)));
        sim.AddNode("S2", () => new JobScheduler(new LeaseHolderSettings { Service = "locks", AcquireAt = TimeSpan.FromSeconds(1) }, workers, batch, batchAt: TimeSpan.Zero));
        foreach (var worker in workers)
        {
            sim.AddNode(worker, () => new JobWorker(checksTokens: workersCheck));
        }

        sim.At(TimeSpan.FromSeconds(5.005), new PauseFault("S1", TimeSpan.FromSeconds(pause)));
        sim.Run(TimeSpan.FromSeconds(pause + ttl + 20));
        return sim;
    }

    private static int JobsRunTwice(Simulation sim) =>
        sim.Trace.OfKind(TraceKind.JobRun).GroupBy(e => e.DetailAs<JobExecution>().JobId).Count(g => g.Count() > 1);

    private static Simulation SkewRun(double ttl, double skew, double margin)
    {
        var sim = new Simulation(1);
        sim.AddNode("locks", () => new LeaseService(TimeSpan.FromSeconds(ttl), 33));
        sim.AddNode("store", () => new FencedStore(0, disk => StorageGuard.None()));
        var holder = new LeaseHolderSettings
        {
            Service = "locks",
            SafetyMargin = TimeSpan.FromSeconds(margin),
            WorkEvery = TimeSpan.FromMilliseconds(50),
            PrepareTime = TimeSpan.FromMilliseconds(10),
        RetryEvery = TimeSpan.FromMilliseconds(50),
        };
        sim.AddNode("H1", () => new LeaseWriter(holder, "store"));
        sim.AddNode("H2", () => new LeaseWriter(holder with { AcquireAt = TimeSpan.FromSeconds(1) }, "store"));
        sim.SetClock("locks", TimeSpan.Zero, skew / ttl);
        sim.SetClock("H1", TimeSpan.Zero, -skew / ttl);
        sim.At(TimeSpan.FromSeconds(1), new PartitionFault("H1 | locks"));
        sim.Run(TimeSpan.FromSeconds(ttl + 30));
        return sim;
    }

    private static double WindowSeconds(Simulation sim) =>
        LeadershipHistory.SplitBrainWindows(sim.Trace, sim.Now).Sum(w => w.Length.TotalSeconds);

    /// <summary>What a correct exercise-2 guard does, in the shape the lesson's swap-in cell gives the ledger.</summary>
    private sealed class HighestTokenGuard : StorageGuard
    {
        private FencingToken? highest;

        public override string Name => "a correct exercise-2 guard";

        public override bool TryAdmit(FencingToken? token, out string reason)
        {
            if (token is not { } offered || (highest is { } known && offered < known))
            {
                reason = "refused";
                return false;
            }

            highest = highest is { } h && h > offered ? h : offered;
            reason = "ok";
            return true;
        }
    }
}
