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
    private const string Three = "03-leases-clocks-and-pauses.ipynb";
    private const string Four = "04-fencing-tokens-and-storage-guards.ipynb";
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(0.1);

    [Fact]
    public void Lesson03_the_lease_its_renewal_its_first_tokens_and_the_pause_are_the_scenarios()
    {
        Assert.Equal(LessonText.Number(Three, @"the lock service grants a lease for \*\*(\d+) seconds\*\*"), LeaseScenario.LeaseTtl.TotalSeconds);
        Assert.Equal(LessonText.Number(Three, @"It \*\*renews every (\d+) seconds\*\*"), new LeaseHolderSettings { Service = LeaseScenario.ServiceName }.RenewEvery!.Value.TotalSeconds);
        var tokens = LessonText.Numbers(Three, @"the first is \*\*(\d+)\*\*, the next \*\*(\d+)\*\*");
        Assert.Equal((tokens[0], tokens[1]), ((double)LeaseScenario.FirstToken, LeaseScenario.FirstToken + 1.0));
        Assert.Equal(LessonText.Number(Three, @"then \*\*freezes for (\d+) seconds\*\*"), GcPauseScenario.PauseLength.TotalSeconds);
    }

    [Fact]
    public void Lesson03_and_04_gc_pause_runs_every_job_twice_without_checks_and_once_with_them()
    {
        var off = Scenarios.Run("gc-pause", new ScenarioOptions { Seed = 1, Fencing = false });
        var on = Scenarios.Run("gc-pause", new ScenarioOptions { Seed = 1, Fencing = true });

        var story = LessonText.Numbers(Four, @"scheduler S1 \(token (\d+)\) freezes for (\d+) seconds, S2 takes over with token (\d+) and sends the batch of (\d+) jobs");
        var counts = LessonText.Numbers(Four, @"Without checks, (\d+) job runs for (\d+) jobs: every job ran twice. With checks, (\d+) runs and (\d+) refusals. The red crosses at (\d+) seconds");
        Assert.Equal((story[1], story[3], counts[1]), (GcPauseScenario.PauseLength.TotalSeconds, (double)off.Figures[RunFigure.Jobs], (double)off.Figures[RunFigure.Jobs]));
        Assert.Equal(((long)counts[0], off.Figures[RunFigure.Jobs], 0), (off.Figures[RunFigure.JobRuns], off.Figures[RunFigure.JobsRunTwice], off.RejectedWrites));
        Assert.Equal(((long)counts[2], 0L, (int)counts[3]), (on.Figures[RunFigure.JobRuns], on.Figures[RunFigure.JobsRunTwice], on.RejectedWrites));
        Assert.Empty(on.Violations);
        Assert.Equal([Checkers.JobOnce.Id, Checkers.NoStaleWrite.Id], off.Violations.Select(v => v.Invariant).Distinct().Order());

        // Lesson 03: "Its last renewal was at about 3 seconds, so the lease runs out at about 13 seconds", S2 gets 34,
        // "once for S2 at about 13.7 seconds, and once more for S1 at 45 seconds".
        var expired = Assert.Single(off.Trace.OfKind(TraceKind.LeaseExpired));
        LessonText.About(Three, @"so the lease runs out at about (\d+) seconds", expired.Time.TotalSeconds);
        var grants = off.Trace.OfKind<Lease>(TraceKind.LeaseGranted).Select(g => (g.Line.Peer?.Name, (double)g.Detail.Token.Value)).ToArray();
        Assert.Equal([("S1", story[0]), ("S2", story[2])], grants);
        var runs = off.Trace.OfKind<JobExecution>(TraceKind.JobRun).ToArray();
        Assert.All(runs.Where(r => r.Detail.Token.Value == (long)story[2]), r => LessonText.About(Three, @"once for S2 at about ([\d.]+) seconds", r.Line.Time.TotalSeconds));
        Assert.All(runs.Where(r => r.Detail.Token.Value == (long)story[0]), r => LessonText.About(Three, @"and once more for S1 at (\d+) seconds", r.Line.Time.TotalSeconds));
        Assert.All(on.Trace.Writes(accepted: false), w => Assert.Equal(("S1", (long)story[0]), (w.Line.Peer?.Name, w.Write.Token?.Value)));
        Assert.All(on.Trace.Writes(accepted: false), w => Assert.Equal(counts[4], Math.Round(w.Line.Time.TotalSeconds)));

        // "The red overlap is the split brain, about 32 seconds long", and it is the same with checks.
        foreach (var run in new[] { off, on })
        {
            var window = Assert.Single(LeadershipHistory.SplitBrainWindows(run.Trace, run.Simulation.Now));
            LessonText.About(Three, @"The red overlap is the split brain, about (\d+) seconds long", window.Length.TotalSeconds);
            Assert.Equal([$"term {story[0]}", $"term {story[2]}"], window.Leaders.Select(l => l.Term.ToString()));
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
    public void Lesson04_the_guard_refuses_the_lessons_stale_token_and_accepts_the_same_one_again_and_a_newer_one()
    {
        var tokens = LessonText.Setting(Four, @"long\[\] tokens = \[([\d, ]+)\];").Split(',').Select(t => long.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Contains("The guard refuses 33 once it has seen 34. It accepts 34 again", LessonText.Markdown(Four), StringComparison.Ordinal);
        Assert.Equal([33L, 34L, 33L, 34L, 35L], tokens);
        var guard = StorageGuard.Fencing(new DurableState());
        var verdicts = tokens.Select(t => guard.TryAdmit(new FencingToken(t), out _)).ToArray();
        Assert.Equal([true, true, false, true, true], verdicts);
    }

    [Fact]
    public void Lesson04_clock_tokens_reverse_the_grants_and_lock_out_the_real_holder()
    {
        var clock = Scenarios.Run("timestamp-tokens", new ScenarioOptions { Seed = 1, Fencing = false });
        var counter = Scenarios.Run("timestamp-tokens", new ScenarioOptions { Seed = 1, Fencing = true });

        Assert.Equal(LessonText.Number(Four, @"H1's clock is \*\*(\d+) seconds fast\*\*"), TimestampTokensScenario.H1ClockAhead.TotalSeconds);
        var counted = LessonText.Numbers(Four, @"The counter puts the grants in the order they happened: (\d+), then (\d+)");
        var stamped = LessonText.Numbers(Four, @"H1's later-looking ([\d,]+) beats H2's ([\d,]+)");
        Assert.Equal([("H1", counted[0]), ("H2", counted[1])], clock.Trace.OfKind<Lease>(TraceKind.LeaseGranted).Select(g => (g.Line.Peer?.Name, (double)g.Detail.Token.Value)));
        Assert.Equal([("H1", stamped[0]), ("H2", stamped[1])], clock.Trace.OfKind<FencingToken>(TraceKind.Elected).Select(e => (e.Line.Node?.Name, (double)e.Detail.Value)));

        // "when H1 wakes at about 40.5 seconds, the guard accepts its stale writes and from then on refuses the real holder, H2".
        var h2Leads = clock.Trace.OfKind(TraceKind.Elected).Single(e => e.Node?.Name == "H2").Time;
        var stale = clock.Trace.Writes(accepted: true).Where(w => w.Line.Peer?.Name == "H1" && w.Line.Time > h2Leads).ToArray();
        Assert.NotEmpty(stale);
        LessonText.About(Four, @"So when H1 wakes at about ([\d.]+) seconds", stale[0].Line.Time.TotalSeconds);
        var refused = clock.Trace.Writes(accepted: false).ToArray();
        Assert.NotEmpty(refused);
        Assert.All(refused, w => Assert.True(w.Line.Peer?.Name == "H2" && w.Line.Time > stale[0].Line.Time, $"refused {w.Line}: only the real holder, after H1's stale write"));
        Assert.DoesNotContain(clock.Trace.Writes(accepted: true), w => w.Line.Peer?.Name == "H2" && w.Line.Time > stale[0].Line.Time);
        Assert.DoesNotContain(counter.Trace.Writes(accepted: true), w => w.Line.Peer?.Name == "H1" && w.Line.Time > h2Leads);
        Assert.DoesNotContain(counter.Trace.Writes(accepted: false), w => w.Line.Peer?.Name == "H2");
    }

    [Fact]
    public void Lesson04_the_old_primary_gets_about_100_writes_in_without_a_check_and_2_with_it()
    {
        var off = Scenarios.Run("asymmetric-partition", new ScenarioOptions { Seed = 1, Fencing = false });
        var on = Scenarios.Run("asymmetric-partition", new ScenarioOptions { Seed = 1, Fencing = true });
        var takeover = off.Trace.OfKind(TraceKind.Elected).First(e => e.Node?.Name == "R").Time;

        LessonText.About(Four, @"after R took over \(([\d.]+) s\)", takeover.TotalSeconds);
        Assert.Equal(2, off.MaxLeadersAtOnce);
        Assert.Equal(off.Simulation.Now, LeadershipHistory.Intervals(off.Trace, off.Simulation.Now).Single(i => i.Node.Name == "P").Until);
        int After(ScenarioResult r, TraceKind kind) => r.Trace.OfKind(kind).Count(e => e.Peer?.Name == "P" && e.Time > takeover);
        LessonText.About(Four, @"Without a check, about (\d+) of P's writes landed", After(off, TraceKind.WriteAccepted));
        Assert.Equal(0, After(off, TraceKind.WriteRejected));
        Assert.Equal(LessonText.Number(Four, @"P still got \*\*(\d+)\*\* writes in right after the takeover"), After(on, TraceKind.WriteAccepted));
        Assert.Equal(LessonText.Number(Four, @"After that, all (\d+) were refused"), After(on, TraceKind.WriteRejected));
        Assert.Empty(on.Violations);
    }

    [Fact]
    public void Lesson04_a_forgetful_guard_accepts_33_after_the_restart_and_a_durable_one_refuses_it()
    {
        var forgetful = Scenarios.Run("forgetful-storage", new ScenarioOptions { Seed = 1, Fencing = false });
        var durable = Scenarios.Run("forgetful-storage", new ScenarioOptions { Seed = 1, Fencing = true });

        var story = LessonText.Numbers(Four, @"At ([\d.]+) seconds the store crashes, and it restarts at ([\d.]+) seconds. H1 wakes at ([\d.]+) seconds and writes with (\d+)");
        Assert.Equal(story[0], forgetful.Trace.OfKind(TraceKind.Crash).Single().Time.TotalSeconds, 3);
        Assert.Equal(story[1], forgetful.Trace.OfKind(TraceKind.Restart).Single().Time.TotalSeconds, 3);
        TraceEntry Stale(ScenarioResult r) => r.Trace.Protocol.Single(e => e.Kind is TraceKind.WriteAccepted or TraceKind.WriteRejected && e.Peer?.Name == "H1" && e.Time > TimeSpan.FromSeconds(44));
        Assert.Equal((TraceKind.WriteAccepted, (long)story[3]), (Stale(forgetful).Kind, Stale(forgetful).DetailAs<WriteDecision>().Token?.Value));
        Assert.Equal(TraceKind.WriteRejected, Stale(durable).Kind);
        var wakes = forgetful.Trace.OfKind(TraceKind.Resume).Single(e => e.Node?.Name == "H1").Time;
        Assert.Equal(story[2], wakes.TotalSeconds, 2);
        Assert.InRange(Stale(forgetful).Time - wakes, TimeSpan.Zero, Tolerance);
        Assert.True(forgetful.Broke(Checkers.NoStaleWrite));
        Assert.Empty(durable.Violations);
    }

    [Fact]
    public void Lesson04_blind_writes_pay_120_despite_tokens_and_a_conditional_write_pays_60()
    {
        var blind = Scenarios.Run("fenced-blind-write", new ScenarioOptions { Seed = 1, Fencing = false });
        var conditional = Scenarios.Run("fenced-blind-write", new ScenarioOptions { Seed = 1, Fencing = true });

        var bank = LessonText.Numbers(Four, @"\$(\d+) in the account, two withdrawals of \$(\d+)");
        var lost = LessonText.Numbers(Four, @"and still \$(\d+) left a \$(\d+) account");
        var tokens = new[] { LessonText.Number(Four, @"Old leader A \(token (\d+)\) withdraws first"), LessonText.Number(Four, @"Then new leader B \(token (\d+)\) writes") };
        Assert.Equal((bank[0], lost[1], 2 * bank[1]), ((double)blind.Figures[RunFigure.InitialBalance], (double)blind.Figures[RunFigure.InitialBalance], lost[0]));
        Assert.Equal(((long)lost[0], 2, 0), (blind.Figures[RunFigure.PaidOut], blind.AcceptedWrites, blind.RejectedWrites));
        Assert.Equal(tokens, blind.Trace.Writes(accepted: true).Select(w => (double)w.Write.Token!.Value.Value));
        Assert.Equal(((long)LessonText.Number(Four, @"take \$(\d+) \*\*if the balance covers it\*\*"), 1, 1), (conditional.Figures[RunFigure.PaidOut], conditional.AcceptedWrites, conditional.RejectedWrites));
        Assert.Contains("does not cover", conditional.Trace.Writes(accepted: false).Single().Write.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Lesson04_a_correct_guard_swapped_into_the_bank_pays_60_once()
    {
        var run = new BankLedgerScenario(disk => new HighestTokenGuard()).Run(new ScenarioOptions { Seed = 1, Fencing = true });
        Assert.Equal(((long)LessonText.Number(Four, @"A correct guard pays \$(\d+) once"), 1), (run.Figures[RunFigure.PaidOut], run.RejectedWrites));
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
