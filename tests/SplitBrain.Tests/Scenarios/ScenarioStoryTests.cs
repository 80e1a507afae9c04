using static SplitBrain.Tests.Support.Sim;

namespace SplitBrain.Tests.Scenarios;

/// <summary>The figures of the source documents, kept by the scenarios.</summary>
public class ScenarioStoryTests
{
    private static ScenarioResult Run(string name, bool fencing = false, int? quorum = null, long seed = 1) =>
        SplitBrain.Scenarios.Run(name, new ScenarioOptions { Seed = seed, Fencing = fencing, Quorum = quorum });

    [Fact]
    public void Bank_ledger_pays_120_of_100_without_fencing_and_at_most_100_with_a_rejected_write_with_it()
    {
        var off = Run("bank-ledger");
        Assert.Equal(100, off.Figures[RunFigure.InitialBalance]);
        Assert.Equal(120, off.Figures[RunFigure.PaidOut]);
        Assert.True(off.Broke(Checkers.NoOverdraft));

        for (long seed = 1; seed <= 50; seed++)
        {
            var on = Run("bank-ledger", fencing: true, seed: seed);
            Assert.InRange(on.Figures[RunFigure.PaidOut], 0, 100);
            Assert.Empty(on.Violations);
            Assert.True(on.RejectedWrites >= 1, $"seed {seed}: no write was rejected");
        }
    }

    [Fact]
    public void Two_two_partition_has_no_leader_during_the_split_under_a_majority()
    {
        for (long seed = 1; seed <= 50; seed++)
        {
            var result = Run("two-two-partition", seed: seed);
            Assert.DoesNotContain(result.Trace, e => e.Kind == TraceKind.Elected && e.Time > QuorumScenario.SplitAt);
            Assert.Contains(result.Trace, e => e.Kind == TraceKind.SteppedDown && e.Time > QuorumScenario.SplitAt);
            Assert.Equal(0, result.AcceptedWrites);
            Assert.Empty(result.Violations);
        }
    }

    [Fact]
    public void Two_two_partition_with_a_quorum_of_2_has_two_leaders_at_once()
    {
        var result = Run("two-two-partition", quorum: 2);
        Assert.Equal(2, result.MaxLeadersAtOnce);
        Assert.True(result.Broke(Checkers.OneLeaderAtATime));
    }

    [Theory]
    [InlineData("two-two-partition")]
    [InlineData("three-two-partition")]
    [InlineData("two-node-cluster")]
    public void No_write_is_accepted_from_a_side_without_a_quorum(string name)
    {
        var scenario = (QuorumScenario)SplitBrain.Scenarios.Get(name);
        for (long seed = 1; seed <= 200; seed++)
        {
            var result = scenario.Run(new ScenarioOptions { Seed = seed });
            var cutOff = scenario.ServersWithoutQuorum(result.Options).ToHashSet();
            Assert.DoesNotContain(result.Trace, e =>
                e.Kind == TraceKind.WriteAccepted && e.Time > QuorumScenario.SplitAt && cutOff.Contains(e.Peer!.Value.Name));
            Assert.Equal(0, result.Figures[RunFigure.WritesFromSidesWithoutQuorum]);
        }
    }

    [Fact]
    public void Three_two_partition_lets_only_the_side_of_three_pay()
    {
        var result = Run("three-two-partition");
        Assert.Equal(60, result.Figures[RunFigure.PaidOut]);
        Assert.Equal(1, result.Figures[RunFigure.SidesThatCanAct]);
    }

    [Fact]
    public void Gc_pause_runs_jobs_twice_without_fencing_and_rejects_33_after_34_with_it()
    {
        var off = Run("gc-pause");
        Assert.True(off.Broke(Checkers.JobOnce));
        Assert.Equal(6, off.Figures[RunFigure.JobsRunTwice]);
        Assert.Equal(40, off.Figures[RunFigure.PauseSeconds]);

        var on = Run("gc-pause", fencing: true);
        Assert.Empty(on.Violations);
        var accepted34 = on.Trace.First(e => e.Kind == TraceKind.WriteAccepted && e.DetailAs<WriteDecision>().Token == new FencingToken(34));
        var rejected33 = on.Trace.First(e => e.Kind == TraceKind.WriteRejected);
        Assert.Equal(new FencingToken(33), rejected33.DetailAs<WriteDecision>().Token);
        Assert.True(rejected33.Time > accepted34.Time);
        Assert.InRange(rejected33.Time, S(45), S(46));
    }

    [Fact]
    public void Clock_skew_lease_usable_time_is_ttl_minus_twice_the_skew()
    {
        var result = Run("clock-skew-lease", fencing: true);
        Assert.Equal(10, result.Figures[RunFigure.LeaseTtlSeconds]);
        Assert.Equal(2, result.Figures[RunFigure.MaxSkewSeconds]);
        Assert.Equal(6, result.Figures[RunFigure.UsableLeaseSeconds]);
        Assert.Equal(S(6), ClockSkewLeaseScenario.UsableLeaseTime);
    }

    [Theory]
    [InlineData(false, false, 4, 2)]
    [InlineData(false, true, 0, 2)]
    [InlineData(true, false, 0, 1)]
    [InlineData(true, true, 0, 1)]
    public void Clock_skew_lease_each_defence_holds_alone(bool margin, bool tokens, long staleAccepted, int mostHolders)
    {
        var result = SplitBrain.Scenarios.Run("clock-skew-lease", new ScenarioOptions { Seed = 1, Margin = margin, Tokens = tokens });
        Assert.Equal(staleAccepted, result.Figures[RunFigure.StaleWritesAccepted]);
        Assert.Equal(staleAccepted > 0, result.Broke(Checkers.NoStaleWrite));
        Assert.Equal(mostHolders, result.MaxLeadersAtOnce);
        Assert.Equal(tokens && !margin ? 4 : 0, result.RejectedWrites);

        // With the margin H1 stops 6 s after it asked on its clock, which runs 20% slow: 7.5 true seconds. Without, 12.5.
        var stop = result.Trace.OfKind(TraceKind.SteppedDown).Single(e => e.Node?.Name == "H1").Time;
        Assert.Equal(margin ? 7.5 : 12.5, stop.TotalSeconds, 3);
    }

    [Fact]
    public void Fencing_sets_both_defences_and_a_switch_overrides_it()
    {
        var both = SplitBrain.Scenarios.Run("clock-skew-lease", new ScenarioOptions { Fencing = true });
        var explicitBoth = SplitBrain.Scenarios.Run("clock-skew-lease", new ScenarioOptions { Margin = true, Tokens = true });
        Assert.Equal(both.TraceHash, explicitBoth.TraceHash);
        var tokensOnly = SplitBrain.Scenarios.Run("clock-skew-lease", new ScenarioOptions { Fencing = true, Margin = false });
        Assert.Equal("run clock-skew-lease --seed 1 --fencing on --margin off", tokensOnly.Replay);
        Assert.Equal(SplitBrain.Scenarios.Run("clock-skew-lease", new ScenarioOptions { Margin = false, Tokens = true }).TraceHash, tokensOnly.TraceHash);
    }

    [Fact]
    public void The_switches_apply_only_where_the_scenario_has_that_defence()
    {
        var margin = Assert.Throws<ArgumentException>(() => SplitBrain.Scenarios.Run("gc-pause", new ScenarioOptions { Margin = true }));
        Assert.Contains("clock-skew-lease", margin.Message, StringComparison.Ordinal);
        var tokens = Assert.Throws<ArgumentException>(() => SplitBrain.Scenarios.Run("bank-ledger", new ScenarioOptions { Tokens = true }));
        Assert.Contains("gc-pause", tokens.Message, StringComparison.Ordinal);
        Assert.Equal(0, SplitBrain.Scenarios.Run("gc-pause", new ScenarioOptions { Tokens = true }).Figures[RunFigure.JobsRunTwice]);
        Assert.Empty(SplitBrain.Scenarios.Run("asymmetric-partition", new ScenarioOptions { Tokens = true }).Violations);
    }

    [Theory]
    [InlineData("gc-pause", 6)]
    [InlineData("asymmetric-partition", 98)]
    [InlineData("clock-skew-lease", 4)]
    [InlineData("stonith", 19)]
    public void Figures_count_every_stale_write_not_the_checkers_first_finding(string scenario, long stale)
    {
        var result = Run(scenario);
        Assert.Single(result.Violations, v => v.Breaks(Checkers.NoStaleWrite));
        Assert.Equal(stale, result.Figures[RunFigure.StaleWritesAccepted]);
        Assert.Equal(stale, NoStaleWrite.StaleWrites(result.Trace).Count);
    }

    [Fact]
    public void Stonith_without_a_fence_promotes_at_once_and_with_one_only_after_power_off()
    {
        var off = Run("stonith");
        Assert.Equal(1, off.Figures[RunFigure.Promoted]);
        Assert.True(off.Broke(Checkers.NoStaleWrite));
        var on = Run("stonith", fencing: true);
        Assert.Equal(1, on.Figures[RunFigure.Promoted]);
        Assert.Contains(on.Trace, e => e.Kind == TraceKind.Crash && e.Node?.Name == "P");
    }

    [Fact]
    public void Fenced_blind_write_overdraws_with_the_token_check_alone()
    {
        var off = Run("fenced-blind-write");
        Assert.Equal(120, off.Figures[RunFigure.PaidOut]);
        Assert.Equal(0, off.RejectedWrites);
        Assert.True(off.Broke(Checkers.NoOverdraft));
        var on = Run("fenced-blind-write", fencing: true);
        Assert.Equal(60, on.Figures[RunFigure.PaidOut]);
        Assert.Empty(on.Violations);
    }

    [Fact]
    public void A_fault_schedule_replaces_the_script_and_bad_ones_are_refused()
    {
        var scenario = SplitBrain.Scenarios.Get("bank-ledger");
        var plain = Run("bank-ledger");
        var same = SplitBrain.Scenarios.Run("bank-ledger", new ScenarioOptions { Faults = scenario.Script(new ScenarioOptions()) });
        Assert.Equal(plain.TraceHash, same.TraceHash);
        var none = SplitBrain.Scenarios.Run("bank-ledger", new ScenarioOptions { Faults = [] });
        Assert.Empty(none.Violations);
        Assert.Equal(60, none.Figures[RunFigure.PaidOut]);
        Assert.Throws<ArgumentException>(() =>
            SplitBrain.Scenarios.Run("bank-ledger", new ScenarioOptions { Faults = [new(S(1), new CrashFault("Z"))] }));
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => SplitBrain.Scenarios.Get("nope")).ParamName);
    }
}
