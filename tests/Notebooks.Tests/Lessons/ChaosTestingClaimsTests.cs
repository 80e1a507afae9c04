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
        var run = buggy.Run(new ScenarioOptions { Seed = 1004, Fencing = true, Faults = first.ShrunkSchedule });
        var tokens = run.Trace.OfKind(TraceKind.WriteAccepted).Select(e => ((WriteDecision)e.Detail!).Token!.Value.Value).ToArray();
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

    /// <summary>The lesson's ExploreLive, without the display: batches of 250 from seed 1001, every failure counted.</summary>
    private static (long Broken, int Batches, ExploreResult? First) ExploreInBatches(Scenario scenario, bool fencing)
    {
        long tried = 0, broken = 0;
        int batches = 0;
        ExploreResult? first = null;
        while (tried < Schedules)
        {
            var batch = Explorer.Run(scenario, new ExploreOptions { Schedules = 250, FirstSeed = FirstSeed + tried, Fencing = fencing, StopAtFirstViolation = false });
            first ??= batch.FirstViolatingSeed is null ? null : batch;
            tried += batch.Schedules;
            broken += batch.Violations;
            batches++;
        }

        return (broken, batches, first);
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
