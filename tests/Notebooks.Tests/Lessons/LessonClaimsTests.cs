using SplitBrain;
using SplitBrain.Visuals;

namespace Notebooks.Tests.Lessons;

/// <summary>
/// The numbers the lessons' prose and answers state, checked against the scenarios, so a change to the library
/// that would make a lesson say something false fails here, with the lesson named.
/// </summary>
public sealed class LessonClaimsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Lesson01_pays_120_without_fencing_and_60_with_it_whatever_the_seed(long seed)
    {
        var off = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = seed, Fencing = false });
        var on = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = seed, Fencing = true });

        Assert.Equal((100L, 120L, 2), (off.Figures["initialBalance"], off.Figures["paidOut"], off.MaxLeadersAtOnce));
        Assert.Equal((60L, 1, 1), (on.Figures["paidOut"], on.RejectedWrites, on.AcceptedWrites));
        Assert.Equal(2, on.MaxLeadersAtOnce); // "two nodes still believed they led"
        Assert.Empty(on.Violations);
        var refused = Assert.Single(on.Trace.OfKind(TraceKind.WriteRejected));
        Assert.Equal(("A", 1L), (refused.Peer?.Name, ((WriteDecision)refused.Detail!).Token?.Value));
    }

    [Fact]
    public void Lesson01_moving_B_to_As_side_pays_60_once()
    {
        var moved = Scenarios.Run("bank-ledger", new ScenarioOptions
        {
            Seed = 1,
            Faults = [new ScheduledFault(TimeSpan.FromSeconds(1.001), new PartitionFault("A,B,client-1 | C,client-2"))],
        });

        Assert.Equal(60, moved.Figures["paidOut"]);
        Assert.Equal(1, moved.MaxLeadersAtOnce);
        Assert.Equal(["A", "B", "C"], LeadershipTimeline.Draw(moved.Trace, null, moved.Simulation.Now).Layout.YAxis!.CategoryArray!);
        Assert.Contains("--faults", ResultCard.Of(moved).Html); // the replay command carries the moved partition
    }

    [Theory]
    [InlineData("two-two-partition", null, 0L, 1)]  // majority of 4: nobody writes after the split
    [InlineData("two-two-partition", 2, 120L, 2)]   // quorum 2 of 4: two leaders, both pay
    [InlineData("three-two-partition", null, 60L, 1)]
    [InlineData("two-node-cluster", null, 0L, 1)]
    [InlineData("two-node-cluster", 1, 120L, 2)]
    public void Lesson02_runs_pay_and_lead_as_the_lesson_says(string scenario, int? quorum, long paidOut, int mostLeaders)
    {
        var run = Scenarios.Run(scenario, new ScenarioOptions { Seed = 1, Quorum = quorum });

        Assert.Equal((paidOut, mostLeaders), (run.Figures["paidOut"], run.MaxLeadersAtOnce));
    }

    [Fact]
    public void Lesson02_with_a_majority_the_2_2_split_ends_all_leadership_soon_after_1_second()
    {
        var run = Scenarios.Run("two-two-partition", new ScenarioOptions { Seed = 1 });
        var intervals = LeadershipHistory.Intervals(run.Trace, run.Simulation.Now);

        Assert.NotEmpty(intervals);
        Assert.All(intervals, i => Assert.True(i.Until < TimeSpan.FromSeconds(2), $"{i.Node} still led {i.Term} until {i.Until}"));
    }
}
