namespace SplitBrain.Tests.Histories;

/// <summary>The replicated-register workload: a deposed leader's stale read without fencing, never a non-linearizable history with it.</summary>
public sealed class RegisterScenarioTests
{
    private static readonly Scenario Register = SplitBrain.Scenarios.Get("replicated-register");

    [Fact]
    public void Without_fencing_the_deposed_leader_serves_a_stale_read()
    {
        var run = Register.Run(new ScenarioOptions { Seed = 1, Fencing = false });

        var result = Models.Register.Check(run.History!);

        Assert.Equal(Verdict.NotLinearizable, result.Verdict);
        var stuck = result.Failure!.Stuck;
        Assert.Equal("read", stuck.Function);
        Assert.True(stuck.InvokedAt > TimeSpan.FromSeconds(1), $"the stale read comes after the partition at 1 s: {stuck}");
        Assert.True(run.Broke(Checkers.Linearizable));
    }

    [Fact]
    public void With_fencing_the_history_is_linearizable_and_the_deposed_leader_is_refused()
    {
        var run = Register.Run(new ScenarioOptions { Seed = 1, Fencing = true });

        Assert.Equal(Verdict.Linearizable, Models.Register.Check(run.History!).Verdict);
        Assert.Contains(run.History!.Operations, o => o.Outcome == OperationOutcome.Fail && o.Error is Keyword { Name: "fenced" });
        Assert.Empty(run.Violations);
    }

    [Fact]
    public void With_fencing_no_explored_schedule_gives_a_non_linearizable_history()
    {
        var result = SplitBrain.Explorer.Run(Register, new ExploreOptions { Schedules = 300, Fencing = true, Parallelism = 1 });

        Assert.Equal(300, result.Schedules);
        Assert.True(result.Violations == 0, $"seed {result.FirstViolatingSeed}: {result.FirstViolation}");
    }

    [Fact]
    public void Without_fencing_the_explorer_finds_a_non_linearizable_schedule()
    {
        var result = SplitBrain.Explorer.Run(Register, new ExploreOptions { Schedules = 300, Fencing = false, Parallelism = 1 });

        Assert.Equal(Checkers.Linearizable.Id, result.FirstViolation?.Invariant);
    }

    [Fact]
    public void Every_bank_scenario_run_keeps_a_history_that_opens_with_the_deposit()
    {
        foreach (var scenario in SplitBrain.Scenarios.All.Where(s => s.KeepsHistory && s.Name != "replicated-register"))
        {
            var run = scenario.Run(new ScenarioOptions { Fencing = false });
            var history = run.History!;
            Assert.Equal("deposit", history.Operations[0].Function);
            Assert.Equal(BankStory.OpeningBalance, history.Operations[0].Argument);
            Assert.Contains(history.Operations, o => o.Function == "withdraw");
            Assert.Equal(history.Count, History.ParseEdn(history.ToEdn()).Count);
        }

        Assert.Null(SplitBrain.Scenarios.Get("gc-pause").Run(new ScenarioOptions()).History);
    }

    [Fact]
    public void A_history_written_as_edn_reads_back_the_same()
    {
        var history = Register.Run(new ScenarioOptions { Seed = 3, Fencing = true }).History!;

        var again = History.ParseEdn(history.ToEdn());

        Assert.Equal(history.ToEdn(), again.ToEdn());
        Assert.Equal(Models.Register.Check(history).Verdict, Models.Register.Check(again).Verdict);
    }
}
