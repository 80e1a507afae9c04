using SplitBrain;
using SplitBrain.Visuals;

namespace Notebooks.Tests.Lessons;

/// <summary>
/// The numbers lessons 01 and 02 state, read from the lessons' own sentences and settings and checked against
/// the runs, so neither a lesson edit nor a library change can make a lesson say something false unnoticed.
/// </summary>
public sealed class LessonClaimsTests
{
    private const string One = "01-the-double-withdrawal.ipynb";
    private const string Two = "02-quorums-and-the-2-2-partition.ipynb";

    [Fact]
    public void Lesson01_pays_what_it_says_without_and_with_fencing_for_every_seed_it_suggests()
    {
        long opening = (long)LessonText.Number(One, @"A bank account holds \*\*\$(\d+)\*\*");
        long asked = (long)LessonText.Number(One, @"Two customers each ask for \*\*\$(\d+)\*\*");
        long handedOut = (long)LessonText.Number(One, @"The bank hands out \*\*\$(\d+)\*\* from a \$(?:\d+) account");
        long fencedPays = (long)LessonText.Number(One, @"with fencing on it pays \$(\d+)");
        long refusedToken = (long)LessonText.Number(One, @"A's write with token (\d+), refused");
        long seenToken = (long)LessonText.Number(One, @"the ledger has already seen token (\d+)");
        var seeds = LessonText.Numbers(One, @"Try (\d+), (\d+) and (\d+): the timings move, the money does not");
        Assert.Equal(3, seeds.Length);
        Assert.Equal(2 * asked, handedOut);
        Assert.Equal(asked, fencedPays);

        foreach (long seed in seeds.Select(s => (long)s))
        {
            var off = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = seed, Fencing = false });
            var on = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = seed, Fencing = true });

            Assert.Equal((opening, handedOut, 2), (off.Figures[RunFigure.InitialBalance], off.Figures[RunFigure.PaidOut], off.MaxLeadersAtOnce));
            Assert.True(off.Broke(Checkers.NoOverdraft), $"seed {seed}: fencing off should overdraw");
            Assert.Equal((fencedPays, 1, 1), (on.Figures[RunFigure.PaidOut], on.RejectedWrites, on.AcceptedWrites));
            Assert.Equal(2, on.MaxLeadersAtOnce); // "Two nodes still believed they led at the same time"
            Assert.Empty(on.Violations);
            var refused = Assert.Single(on.Trace.Writes(accepted: false));
            Assert.Equal(("A", refusedToken), (refused.Line.Peer?.Name, refused.Write.Token?.Value));
            var accepted = Assert.Single(on.Trace.Writes(accepted: true));
            Assert.Equal(seenToken, accepted.Write.Token?.Value);
            Assert.True(refusedToken < seenToken);
        }
    }

    [Fact]
    public void Lesson01_the_partition_in_the_lessons_cell_pays_once_with_one_leader()
    {
        string partition = LessonText.Setting(One, @"string partition = ""([^""]+)"";");
        long paysOnce = (long)LessonText.Number(One, @"It stays the only leader, and the bank pays \$(\d+) once");

        var moved = Scenarios.Run("bank-ledger", new ScenarioOptions
        {
            Seed = 1,
            Faults = [new ScheduledFault(TimeSpan.FromSeconds(1.001), new PartitionFault(partition))],
        });

        Assert.Equal(paysOnce, moved.Figures[RunFigure.PaidOut]);
        Assert.Equal(1, moved.MaxLeadersAtOnce);
        Assert.Equal(["A", "B", "C"], LeadershipTimeline.Draw(moved.Trace, null, moved.Simulation.Now).Layout.YAxis!.CategoryArray!);
        Assert.Contains("--faults", ResultCard.Of(moved).Html); // the replay command carries the moved partition
    }

    [Fact]
    public void Lesson02_majority_arithmetic_is_the_librarys()
    {
        var raised = LessonText.Numbers(Two, @"raises the majority from (\d+) to (\d+)");
        Assert.Equal((raised[0], raised[1]), (Quorum.Majority(3).Size, Quorum.Majority(4).Size));
        double survives = LessonText.Number(Two, @"but the cluster still survives only (\d+) failure");
        Assert.Equal((survives, survives), (Quorum.Majority(3).FailuresTolerated, Quorum.Majority(4).FailuresTolerated));
        Assert.Equal(LessonText.Number(Two, @"6 / 2 \+ 1 = \*\*(\d+)\*\*"), Quorum.Majority(6).Size);
        Assert.Equal(LessonText.Number(Two, @"It survives \*\*(\d+)\*\* failures, the same as 5 nodes"), Quorum.Majority(6).FailuresTolerated);
        Assert.Equal(Quorum.Majority(5).FailuresTolerated, Quorum.Majority(6).FailuresTolerated);
        Assert.Equal(LessonText.Number(Two, @"the same as 5 nodes, which need only (\d+) votes"), Quorum.Majority(5).Size);
    }

    [Fact]
    public void Lesson02_with_a_majority_the_2_2_split_pays_nobody_and_ends_all_leadership_soon_after_it()
    {
        Assert.Contains("No write was accepted after the split, and nobody was paid.", LessonText.Markdown(Two), StringComparison.Ordinal);
        double splitSecond = LessonText.Number(Two, @"The timeline shows leadership ending soon after (\d+) second");
        long seed = long.Parse(LessonText.Setting(Two, @"long seed = (\d+);"), System.Globalization.CultureInfo.InvariantCulture);
        var run = Scenarios.Run("two-two-partition", new ScenarioOptions { Seed = seed });

        Assert.Equal(splitSecond, QuorumScenario.SplitAt.TotalSeconds);
        Assert.Equal(0, run.Figures[RunFigure.PaidOut]);
        Assert.DoesNotContain(run.Trace.Writes(accepted: true), w => w.Line.Time >= QuorumScenario.SplitAt);
        var intervals = LeadershipHistory.Intervals(run.Trace, run.Simulation.Now);
        Assert.NotEmpty(intervals);
        Assert.All(intervals, i => Assert.True(i.Until < QuorumScenario.SplitAt + TimeSpan.FromSeconds(1), $"{i.Node} still led {i.Term} until {i.Until}"));
    }

    [Fact]
    public void Lesson02_the_quorum_in_the_lessons_cell_gives_two_leaders_each_paying_from_the_same_balance()
    {
        int quorum = int.Parse(LessonText.Setting(Two, @"int quorum = (\d+);"), System.Globalization.CultureInfo.InvariantCulture);
        var stated = LessonText.Numbers(Two, @"Two leaders, one per side, each paying \$(\d+) from the same \$(\d+)");
        var small = Scenarios.Run("two-two-partition", new ScenarioOptions { Seed = 1, Quorum = quorum });

        Assert.Equal((2, (long)(2 * stated[0]), (long)stated[1]), (small.MaxLeadersAtOnce, small.Figures[RunFigure.PaidOut], small.Figures[RunFigure.InitialBalance]));
        Assert.True(small.Broke(Checkers.OneLeaderAtATime));
    }

    [Fact]
    public void Lesson02_five_nodes_split_3_2_only_the_3_side_leads_and_pays()
    {
        Assert.Contains("Only the 3 side elects a leader and writes; the 2 side waits.", LessonText.Markdown(Two), StringComparison.Ordinal);
        double asked = LessonText.Number(Two, @"At 2 seconds a client on each side asks for \$(\d+)");
        var scenario = (QuorumScenario)Scenarios.Get("three-two-partition");
        var run = scenario.Run(new ScenarioOptions { Seed = 1 });

        Assert.Equal((1, (long)asked), (run.MaxLeadersAtOnce, run.Figures[RunFigure.PaidOut]));
        var waiting = scenario.ServersWithoutQuorum(run.Options);
        Assert.Equal(2, waiting.Count);
        Assert.DoesNotContain(Leadership.Intervals(run.Trace, run.Simulation.Now), i => i.From > QuorumScenario.SplitAt && waiting.Contains(i.Node.Name));
    }

    [Fact]
    public void Lesson02_the_two_node_majority_run_pays_nobody_and_the_quorum_1_run_pays_twice()
    {
        Assert.Contains("the majority run pays nobody, the quorum-1 run pays twice", LessonText.Markdown(Two), StringComparison.Ordinal);
        double asked = LessonText.Number(Two, @"At 2 seconds a client on each side asks for \$(\d+)");
        var pairSafe = Scenarios.Run("two-node-cluster", new ScenarioOptions { Seed = 1 });
        var pairSplit = Scenarios.Run("two-node-cluster", new ScenarioOptions { Seed = 1, Quorum = 1 });

        Assert.Equal((0L, 1), (pairSafe.Figures[RunFigure.PaidOut], pairSafe.MaxLeadersAtOnce));
        Assert.Equal(((long)(2 * asked), 2), (pairSplit.Figures[RunFigure.PaidOut], pairSplit.MaxLeadersAtOnce));
    }
}
