using Notebooks.Tests.Support;
using SplitBrain;
using SplitBrain.Visuals;

namespace Notebooks.Tests.Lessons;

/// <summary>The numbers lesson 05 (epochs and elections) states, checked against the runs its cells make.</summary>
public sealed class EpochsAndElectionsClaimsTests
{
    private const string Lesson = "05-epochs-and-elections.ipynb";

    private static readonly ScenarioResult Split = Scenarios.Run("three-two-partition", new ScenarioOptions { Seed = 1 });

    [Fact]
    public void Lesson05_A_leads_term_1_steps_down_after_the_split_and_C_wins_term_2()
    {
        var story = Split.Trace.Protocol.Where(e => e.Kind is TraceKind.Elected or TraceKind.SteppedDown)
            .Select(e => (e.Node?.Name, e.Kind, e.Detail?.ToString())).ToArray();
        Assert.Equal([("A", TraceKind.Elected, "term 1"), ("A", TraceKind.SteppedDown, "term 1"), ("C", TraceKind.Elected, "term 2")], story);
        var steppedDown = Split.Trace.OfKind(TraceKind.SteppedDown).Single().Time;
        LessonText.About(Lesson, @"About ([\d.]+) seconds after the split", (steppedDown - QuorumScenario.SplitAt).TotalSeconds);
        Assert.Empty(Split.Violations);
    }

    [Fact]
    public void Lesson05_only_two_candidacies_win_and_no_loser_gets_more_than_2_votes_of_5()
    {
        var requests = Split.Trace.OfKind(TraceKind.Send).Where(e => e.Detail is RequestVote)
            .Select(e => (Term: e.DetailAs<RequestVote>().Term, Candidate: e.Node!.Value.Name)).Distinct().ToArray();
        var yes = Split.Trace.OfKind(TraceKind.Send).Where(e => e.Detail is Vote { Granted: true }).ToArray();
        int Votes((Term Term, string Candidate) c) => 1 + yes.Count(v => v.Peer?.Name == c.Candidate && v.DetailAs<Vote>().Term == c.Term);
        var wins = Split.Trace.OfKind(TraceKind.Elected).Select(e => (Term: e.DetailAs<Term>(), Candidate: e.Node!.Value.Name)).ToArray();

        var won = LessonText.Numbers(Lesson, @"Only (\d+) candidacies won: A in term (\d+) and C in term (\d+)");
        Assert.Equal([(new Term((long)won[1]), "A"), (new Term((long)won[2]), "C")], wins);
        Assert.Equal((int)won[0], wins.Length);
        Assert.Equal(LessonText.Number(Lesson, @"A majority of 5 is (\d+)\."), Quorum.Majority(5).Size);
        Assert.Contains("D and E answer yes", LessonText.Markdown(Lesson), StringComparison.Ordinal);
        Assert.Equal((5, Quorum.Majority(5).Size), (Votes(wins[0]), Votes(wins[1])));   // A before the split: all five; C: its own, D's and E's
        Assert.Equal(LessonText.Number(Lesson, @"get is (\d+) votes of 5"), requests.Where(r => !wins.Contains(r)).Max(Votes));
        Assert.All(requests.Where(r => r.Term.Value > 2), r => Assert.Contains(r.Candidate, new[] { "A", "B" }));
    }

    [Fact]
    public void Lesson05_the_terms_chart_keeps_the_big_side_at_term_2_while_the_small_side_climbs()
    {
        var last = TermsChart.Steps(Split.Trace).GroupBy(s => s.Node).ToDictionary(g => g.Key, g => g.Last().Term);

        Assert.All(new[] { "C", "D", "E" }, n => Assert.Equal(2, last[n]));
        Assert.True(last["A"] > 20 && last["B"] > 20, $"the small side should climb past term 20: A {last["A"]}, B {last["B"]}");
    }

    [Fact]
    public void Lesson05_healing_at_5_s_makes_C_step_down_on_term_20_and_A_win_term_21()
    {
        var healed = Scenarios.Run("three-two-partition", new ScenarioOptions
        {
            Seed = 1,
            Faults =
            [
                new ScheduledFault(TimeSpan.FromSeconds(1), new PartitionFault("A,B,client-1 | C,D,E,client-2")),
                new ScheduledFault(TimeSpan.FromSeconds(5), new HealFault()),
            ],
        });

        var down = healed.Trace.OfKind(TraceKind.SteppedDown).Single(e => e.Node?.Name == "C");
        Assert.Equal(new Term((long)LessonText.Number(Lesson, @"C hears \*\*term (\d+)\*\* and steps down")), down.DetailAs<Term>());
        LessonText.About(Lesson, @"About ([\d.]+) ms after the heal", (down.Time - TimeSpan.FromSeconds(5)).TotalMilliseconds);
        var next = healed.Trace.OfKind(TraceKind.Elected).Single(e => e.Time > TimeSpan.FromSeconds(5));
        Assert.Equal(("A", new Term((long)LessonText.Number(Lesson, @"A wins \*\*term (\d+)\*\*"))), (next.Node?.Name, next.DetailAs<Term>()));
        LessonText.About(Lesson, @"about ([\d.]+) seconds after the heal", (next.Time - TimeSpan.FromSeconds(5)).TotalSeconds);
        Assert.Empty(healed.Violations);
    }

    [Fact]
    public void Lesson05_the_term_is_the_token_the_ledger_refuses_term_1_after_term_2()
    {
        var bank = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 1, Fencing = true });
        var refused = Assert.Single(bank.Trace.OfKind(TraceKind.WriteRejected));
        Assert.Equal(("A", 1L), (refused.Peer?.Name, refused.DetailAs<WriteDecision>().Token?.Value));
        Assert.Equal(60, bank.Figures[RunFigure.PaidOut]);
    }

    [Fact]
    public void Lesson05_with_a_quorum_of_2_of_5_A_and_C_both_lead_term_2_and_3_of_5_fixes_it()
    {
        var tooSmall = Scenarios.Run("three-two-partition", new ScenarioOptions { Seed = 1, Quorum = 2, Fencing = true });
        var termTwo = tooSmall.Trace.OfKind(TraceKind.Elected).Where(e => e.DetailAs<Term>() == new Term(2)).Select(e => e.Node!.Value.Name).ToArray();
        Assert.Equal(["C", "A"], termTwo);
        Assert.Equal([Checkers.OneLeaderAtATime.Id, Checkers.OneLeaderPerTerm.Id], tooSmall.Violations.Select(v => v.Invariant));
        Assert.Contains(tooSmall.Trace.OfKind(TraceKind.WriteRejected), e => e.Peer?.Name == "A" && e.DetailAs<WriteDecision>().Token?.Value == 1);

        var majority = Scenarios.Run("three-two-partition", new ScenarioOptions { Seed = 1, Quorum = 3, Fencing = true });
        Assert.False(majority.Broke(Checkers.OneLeaderPerTerm));
    }

    [Fact]
    public void Lesson05_the_swap_in_cluster_lets_A_lead_term_1_and_step_down_on_term_2_after_the_heal()
    {
        string[] five = ["A", "B", "C", "D", "E"];
        var sim = new Simulation(1);
        foreach (var name in five)
        {
            var settings = new ElectionSettings { Quorum = Quorum.Majority(5), FirstTimeout = name == "A" ? TimeSpan.FromMilliseconds(50) : null };
            sim.AddNode(name, () => new ElectionNode(settings, five));
        }

        sim.At(TimeSpan.FromSeconds(1), new PartitionFault("A,B | C,D,E"));
        sim.At(TimeSpan.FromSeconds(3), new HealFault());
        sim.Run(TimeSpan.FromSeconds(5));

        var story = sim.Trace.Protocol.Where(e => e.Kind is TraceKind.Elected or TraceKind.SteppedDown).Select(e => (e.Node?.Name, e.Kind, e.Detail?.ToString())).ToArray();
        Assert.Equal(("A", TraceKind.Elected, "term 1"), story[0]);
        Assert.Equal(TraceKind.Elected, story[1].Kind);
        Assert.Equal("term 2", story[1].Item3);
        Assert.Equal(("A", TraceKind.SteppedDown, "term 2"), story[2]);
    }
}
