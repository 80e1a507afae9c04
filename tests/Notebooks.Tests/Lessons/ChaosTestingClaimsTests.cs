using System.Globalization;
using SplitBrain;

namespace Notebooks.Tests.Lessons;

/// <summary>The numbers lesson 08 (chaos-test your own fencing) states, checked by exploring as its cells do.</summary>
public sealed class ChaosTestingClaimsTests
{
    private const string Lesson = "08-chaos-test-your-own-fencing.ipynb";
    private static readonly Scenario Bank = Scenarios.Get("bank-ledger");
    private static readonly long FirstSeed = long.Parse(LessonText.Setting(Lesson, @"long firstSeed = (\d+);"), CultureInfo.InvariantCulture);
    private static readonly int Schedules = int.Parse(LessonText.Setting(Lesson, @"int schedules = (\d+);"), CultureInfo.InvariantCulture);
    private static readonly int ReportEvery = (int)LessonText.Number(Lesson, @"report after every (\d+) schedules");

    [Fact]
    public void Lesson08_the_bank_may_be_hit_as_the_lesson_says_never_partitioning_the_ledger()
    {
        var stated = LessonText.Numbers(Lesson, @"faults in the first (\d+) of its (\d+) seconds, at most (\d+) per schedule, pauses up to (\d+) seconds");
        var bounds = Bank.Bounds;
        Assert.Equal((stated[0], stated[1], (int)stated[2], stated[3]), (bounds.Horizon.TotalSeconds, Bank.Duration.TotalSeconds, bounds.MaxFaults, bounds.MaxPause.TotalSeconds));
        Assert.Contains("The ledger itself is never put on one side of a partition", LessonText.Markdown(Lesson), StringComparison.Ordinal);
        Assert.Equal([BankStory.StoreName], bounds.SharedNodes);
        Assert.True(bounds.Crashes && bounds.ClockFaults); // "It can still crash, pause or lose one direction of a link"
    }

    [Fact]
    public void Lesson08_fencing_off_fails_as_often_as_the_lesson_says_and_the_first_failure_shrinks_to_the_partition()
    {
        var stated = LessonText.Numbers(Lesson, @"Fencing off, and (\d+) of the ([\d,]+) random schedules from seed ([\d,]+) on");
        Assert.Equal((stated[1], stated[2]), ((double)Schedules, (double)FirstSeed));
        var (broken, batches, first) = ExploreInBatches(Bank, fencing: false);

        Assert.Equal((long)stated[0], broken);
        Assert.Equal(Schedules / ReportEvery, batches);
        Assert.NotNull(first);
        Assert.Equal(Checkers.NoOverdraft.Id, first.FirstViolation!.Invariant);

        // "found a failing schedule with two faults and shrank it to one": the heal goes, the partition stays.
        Assert.Contains("found a failing schedule with two faults and shrank it to one", LessonText.Markdown(Lesson), StringComparison.Ordinal);
        Assert.Equal(2, first.Schedule!.Count);
        Assert.Contains(first.Schedule, f => f.Fault is HealFault);
        var shrunk = Assert.Single(first.ShrunkSchedule!);
        var partition = Assert.IsType<PartitionFault>(shrunk.Fault);
        Assert.Contains("a partition that cuts A and client-1 off from the rest", LessonText.Markdown(Lesson), StringComparison.Ordinal);
        Assert.Equal(["A", "client-1"], Partition.Parse(partition.Groups).Groups.Single(side => side.Contains("A")).Order(StringComparer.Ordinal));
        Assert.Equal($"run bank-ledger --seed {first.FirstViolatingSeed} --fencing off --faults \"{FaultSchedule.Format(first.ShrunkSchedule!)}\"", first.Replay);

        var replayed = Bank.Run(first.ReplayOptions!);
        Assert.Equal(first.ReplayTraceHash, replayed.TraceHash);
        Assert.Equal(LessonText.Number(Lesson, @"so almost any schedule with the partition shows the bug, and the bank pays \$(\d+)"), replayed.Figures[RunFigure.PaidOut]);
        Assert.Equal(2, replayed.Trace.Writes(accepted: true).Count()); // "The two green dots on the ledger's lane"
    }

    [Fact]
    public void Lesson08_fencing_on_no_schedule_fails()
    {
        Assert.Contains("A flat line at zero: no schedule of these broke an invariant.", LessonText.Markdown(Lesson), StringComparison.Ordinal);
        var (broken, _, first) = ExploreInBatches(Bank, fencing: true);
        Assert.Equal(0, broken);
        Assert.Null(first);
    }

    [Fact]
    public void Lesson08_the_guard_that_keeps_its_first_token_fails_in_the_first_batch_by_accepting_the_stale_token_after_a_higher_one()
    {
        var stated = LessonText.Numbers(Lesson, @"The ledger accepted token (\d+) but kept ""highest seen: (\d+)"", so A's stale token (\d+) still passed");
        var buggy = new BankLedgerScenario(_ => new FirstTokenGuard());
        var first = Explorer.Run(buggy, new ExploreOptions { Schedules = ReportEvery, FirstSeed = FirstSeed, Fencing = true, StopAtFirstViolation = false });

        Assert.NotNull(first.FirstViolatingSeed); // "found the bug in its very first batch"
        var run = buggy.Run(first.ReplayOptions!);
        var tokens = run.Trace.Writes(accepted: true).Select(w => w.Write.Token!.Value.Value).ToArray();
        Assert.Equal(stated[1], stated[2]);          // the highest it kept is the stale token it let through
        int higher = Array.IndexOf(tokens, (long)stated[0]);
        Assert.True(higher >= 0, $"the ledger should accept token {stated[0]}; it accepted [{string.Join(", ", tokens)}]");
        Assert.Equal((long)stated[2], tokens[^1]);    // the stale token, accepted after the higher one
        Assert.True(higher < tokens.Length - 1);
        Assert.True(run.Broke(Checkers.NoOverdraft));
    }

    [Fact]
    public void Lesson08_a_correct_guard_kept_on_the_ledgers_disk_holds_under_all_the_schedules()
    {
        var (broken, _, _) = ExploreInBatches(new BankLedgerScenario(disk => StorageGuard.Fencing(disk)), fencing: true);
        Assert.Equal(0, broken);
    }

    /// <summary>The lesson's ExploreLive, without the display: reports after every batch from the lesson's first seed, every failure counted.</summary>
    private static (long Broken, int Batches, ExploreResult? First) ExploreInBatches(Scenario scenario, bool fencing)
    {
        var log = new ExploreProgressLog();
        var result = Explorer.Run(scenario, new ExploreOptions { Schedules = Schedules, FirstSeed = FirstSeed, Fencing = fencing, StopAtFirstViolation = false, ReportEvery = ReportEvery, Progress = log });
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
