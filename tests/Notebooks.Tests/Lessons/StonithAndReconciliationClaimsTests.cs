using Notebooks.Tests.Support;
using SplitBrain;

namespace Notebooks.Tests.Lessons;

/// <summary>The numbers lesson 06 (STONITH, detection and reconciliation) states, checked against the runs its cells make.</summary>
public sealed class StonithAndReconciliationClaimsTests
{
    private const string Lesson = "06-stonith-detection-and-reconciliation.ipynb";

    private static readonly ScenarioResult NoStonith = Scenarios.Run("stonith", new ScenarioOptions { Seed = 1, Fencing = false });
    private static readonly ScenarioResult WithStonith = Scenarios.Run("stonith", new ScenarioOptions { Seed = 1, Fencing = true });

    private static readonly ScenarioResult Blindfolded = Scenarios.Run("stonith", new ScenarioOptions
    {
        Seed = 1,
        Fencing = true,
        Faults = [new ScheduledFault(TimeSpan.FromSeconds(3), new PartitionFault("P | ha | pdu"))],
    });

    [Fact]
    public void Lesson06_without_stonith_S_is_promoted_at_4_75_s_and_both_write_20_times_after()
    {
        var promoted = NoStonith.Trace.OfKind(TraceKind.Elected).Single(e => e.Node?.Name == "S").Time;
        LessonText.About(Lesson, @"So from ([\d.]+) seconds on, two primaries write", promoted.TotalSeconds);
        int After(string writer) => NoStonith.Trace.OfKind(TraceKind.WriteAccepted).Count(e => e.Peer?.Name == writer && e.Time > promoted);
        Assert.Equal((20, 20), (After("P"), After("S")));
        Assert.Equal(2, NoStonith.MaxLeadersAtOnce);
        Assert.True(NoStonith.Broke(Checkers.NoStaleWrite));
        Assert.Equal(TimeSpan.FromSeconds(2), FailoverController.DeadAfter);
    }

    [Fact]
    public void Lesson06_with_stonith_P_writes_last_at_4_5_s_and_S_first_at_5_27_s()
    {
        var writes = WithStonith.Trace.OfKind(TraceKind.WriteAccepted).ToArray();
        LessonText.About(Lesson, @"P's last write lands at ([\d.]+) seconds", writes.Last(e => e.Peer?.Name == "P").Time.TotalSeconds);
        LessonText.About(Lesson, @"S's first at ([\d.]+) seconds", writes.First(e => e.Peer?.Name == "S").Time.TotalSeconds);
        Assert.Equal((1L, 0L), (WithStonith.Figures[RunFigure.Promoted], WithStonith.Figures[RunFigure.PromotionRefused]));
        Assert.Equal(1, WithStonith.MaxLeadersAtOnce);
        Assert.Empty(WithStonith.Violations);
        var order = WithStonith.Trace.Protocol.Where(e => e.Kind is TraceKind.Crash or TraceKind.Elected && e.Time > TimeSpan.FromSeconds(1)).Select(e => e.Kind).ToArray();
        Assert.Equal([TraceKind.Crash, TraceKind.Elected], order); // powered off before the promotion
    }

    [Fact]
    public void Lesson06_with_the_management_network_cut_the_promotion_is_refused_at_7_75_s()
    {
        Assert.Equal((0L, 1L), (Blindfolded.Figures[RunFigure.Promoted], Blindfolded.Figures[RunFigure.PromotionRefused]));
        var refused = Blindfolded.Trace.OfKind(TraceKind.Note).Single(e => e.Detail?.ToString()?.StartsWith("promotion refused", StringComparison.Ordinal) == true);
        LessonText.About(Lesson, @"and at ([\d.]+) seconds \*\*refused to promote\*\*", refused.Time.TotalSeconds);
        Assert.Equal(TimeSpan.FromSeconds(3), FailoverController.FenceTimeout);
        Assert.Equal(1, Blindfolded.MaxLeadersAtOnce);
        Assert.Empty(Blindfolded.Violations);
    }

    [Theory]
    [InlineData("stonith", "P", 5.259)]
    [InlineData("asymmetric-partition", "P", 10.710)]
    public void Lesson06_a_detector_of_claims_sees_split_brain_at_the_second_writers_first_write(string scenario, string stepsDown, double at)
    {
        var run = Scenarios.Run(scenario, new ScenarioOptions { Seed = 1, Fencing = false });
        var claims = new Dictionary<string, long>();
        foreach (var write in run.Trace.OfKind(TraceKind.WriteAccepted))
        {
            claims[write.Peer!.Value.Name] = write.DetailAs<WriteDecision>().Token!.Value.Value;
            if (claims.Count > 1)
            {
                Assert.Equal(at, write.Time.TotalSeconds, 3);
                long highest = claims.Values.Max();
                Assert.Equal([stepsDown], claims.Where(c => c.Value < highest).Select(c => c.Key));
                return;
            }
        }

        Assert.Fail($"{scenario}: no second writer");
    }

    [Fact]
    public void Lesson06_the_unfenced_bank_merges_to_40_by_last_writer_wins_and_to_minus_20_by_log_or_counter()
    {
        var run = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 1, Fencing = false });
        var history = run.Trace.OfKind(TraceKind.Acknowledged).Select(e => (Side: e.Node!.Value.Name, Ack: e.DetailAs<Acknowledgement>())).ToArray();

        Assert.Equal([("B", "w2", 60L), ("A", "w1", 60L)], history.Select(h => (h.Side, h.Ack.RequestId, h.Ack.Amount)));
        var ends = LessonText.Numbers(Lesson, @"The store ends at \$(\d+), and \$(\d+) has left the bank");
        long opening = run.Figures[RunFigure.InitialBalance];
        Assert.Equal((long)ends[0], opening - history.Last().Ack.Amount);                     // last writer wins
        Assert.Equal((long)ends[0], run.Figures[RunFigure.FinalBalance]);
        Assert.Equal(-(long)LessonText.Number(Lesson, @"The log and the counter agree on the truth: \*\*-\$(\d+)\*\*"), opening - history.DistinctBy(h => h.Ack.RequestId).Sum(h => h.Ack.Amount));
        Assert.Equal((long)ends[1], run.Figures[RunFigure.PaidOut]);
    }
}
