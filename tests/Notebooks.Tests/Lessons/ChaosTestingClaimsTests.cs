using SplitBrain;

namespace Notebooks.Tests.Lessons;

/// <summary>The numbers lesson 08 (chaos-test your own fencing) states, checked by exploring as its cells do.</summary>
public sealed class ChaosTestingClaimsTests
{
    private const long FirstSeed = 1001;
    private const int Schedules = 1000;
    private static readonly Scenario Bank = Scenarios.Get("bank-ledger");

    [Fact]
    public void Lesson08_the_bank_may_be_hit_in_its_first_6_of_8_seconds_by_at_most_4_faults_never_partitioning_the_ledger()
    {
        var bounds = Bank.Bounds;
        Assert.Equal((TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(4), 4), (Bank.Duration, bounds.Horizon, bounds.MaxPause, bounds.MaxFaults));
        Assert.Equal(["ledger"], bounds.SharedNodes);
        Assert.True(bounds.Crashes && bounds.ClockFaults);
    }

    [Fact]
    public void Lesson08_fencing_off_426_of_1000_schedules_fail_and_the_first_shrinks_from_2_faults_to_the_partition()
    {
        var (broken, batches, first) = ExploreInBatches(Bank, fencing: false);

        Assert.Equal(426, broken);
        Assert.Equal(4, batches);
        Assert.NotNull(first);
        Assert.Equal(1004, first.FirstViolatingSeed);
        Assert.Equal("no-overdraft", first.FirstViolation!.Invariant);
        Assert.Equal(["heal", "partition {A,client-1} | {B,C,client-2}"], first.Schedule!.Select(f => f.Fault.ToString()));
        var shrunk = Assert.Single(first.ShrunkSchedule!);
        Assert.Equal("t=1.35s partition {A,client-1} | {B,C,client-2}", shrunk.ToString());
        Assert.Equal("run bank-ledger --seed 1004 --fencing off --faults \"t=1.35s partition {A,client-1} | {B,C,client-2}\"", first.Replay);

        var replayed = Bank.Run(new ScenarioOptions { Seed = 1004, Fencing = false, Faults = first.ShrunkSchedule });
        Assert.Equal(first.ReplayTraceHash, replayed.TraceHash);
        Assert.Equal(120, replayed.Figures["paidOut"]);
    }

    [Fact]
    public void Lesson08_fencing_on_no_schedule_of_1000_fails()
    {
        var (broken, _, first) = ExploreInBatches(Bank, fencing: true);
        Assert.Equal(0, broken);
        Assert.Null(first);
    }

    [Fact]
    public void Lesson08_the_guard_that_keeps_its_first_token_fails_in_the_first_batch_by_accepting_token_1_after_token_2()
    {
        var buggy = new BankLedgerScenario(_ => new FirstTokenGuard());
        var first = Explorer.Run(buggy, new ExploreOptions { Schedules = 250, FirstSeed = FirstSeed, Fencing = true, StopAtFirstViolation = false });

        Assert.Equal(1004, first.FirstViolatingSeed);
        var run = buggy.Run(first.ReplayOptions!);
        var tokens = run.Trace.Writes(accepted: true).Select(w => w.Write.Token!.Value.Value).ToArray();
        Assert.Contains(2L, tokens);
        Assert.Equal(1L, tokens[^1]);
        Assert.Equal(120, run.Figures["paidOut"]);
    }

    [Fact]
    public void Lesson08_a_correct_guard_kept_on_the_ledgers_disk_holds_under_all_1000_schedules()
    {
        var (broken, _, _) = ExploreInBatches(new BankLedgerScenario(disk => StorageGuard.Fencing(disk)), fencing: true);
        Assert.Equal(0, broken);
    }

    /// <summary>The lesson's ExploreLive, without the display: reports after every 250 schedules from seed 1001, every failure counted.</summary>
    private static (long Broken, int Batches, ExploreResult? First) ExploreInBatches(Scenario scenario, bool fencing)
    {
        var log = new ExploreProgressLog();
        var result = Explorer.Run(scenario, new ExploreOptions { Schedules = Schedules, FirstSeed = FirstSeed, Fencing = fencing, StopAtFirstViolation = false, ReportEvery = 250, Progress = log });
        Assert.Equal(((long)Schedules, result.Violations), (log.Reports[^1].Schedules, log.Reports[^1].Violations));
        return (result.Violations, log.Reports.Count, result.FirstViolatingSeed is null ? null : result);
    }

    /// <summary>The lesson's guard with a bug: it remembers the first token it sees and never raises it.</summary>
    private sealed class FirstTokenGuard : StorageGuard
    {
        private FencingToken? highest;

        public override string Name => "a guard that remembers only the first token";

        public override bool TryAdmit(FencingToken? token, out string reason)
        {
            if (token is not { } offered)
            {
                reason = "refused";
                return false;
            }

            highest ??= offered;
            bool accepted = offered >= highest.Value;
            reason = accepted ? "ok" : "refused";
            return accepted;
        }
    }
}
