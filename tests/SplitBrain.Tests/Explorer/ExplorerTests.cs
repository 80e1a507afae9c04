using CsCheck;

namespace SplitBrain.Tests.Explorer;

public class ExplorerTests
{
    public static TheoryData<string> Names => new(SplitBrain.Scenarios.Names);

    private static ExploreOptions Unsafe(Scenario scenario) =>
        new() { Schedules = 5000, Fencing = scenario.UnsafeSettings.Fencing, Quorum = scenario.UnsafeSettings.Quorum };

    [Theory]
    [MemberData(nameof(Names))]
    public void With_protection_off_the_explorer_finds_shrinks_and_replays_a_violation(string name)
    {
        var scenario = SplitBrain.Scenarios.Get(name);
        var result = SplitBrain.Explorer.Run(scenario, Unsafe(scenario));

        Assert.True(result.FirstViolatingSeed is not null, $"{name}: no violation in {result.Schedules} schedules");
        var shrunk = result.ShrunkSchedule!;
        Assert.True(shrunk.Count <= result.Schedule!.Count, "shrinking never adds faults");
        Assert.StartsWith($"run {name} --seed {result.FirstViolatingSeed}", result.Replay);

        // Replay from the printed text alone: same trace, same broken invariant.
        var faultsText = result.Replay!.Split("--faults \"")[1].TrimEnd('"');
        var options = scenario.UnsafeSettings with { Seed = result.FirstViolatingSeed!.Value, Faults = FaultSchedule.Parse(faultsText) };
        var first = scenario.Run(options);
        var second = scenario.Run(options);
        Assert.Equal(result.ReplayTraceHash, first.TraceHash);
        Assert.Equal(first.TraceHash, second.TraceHash);
        Assert.True(first.Broke(Checkers.Get(result.FirstViolation!.Invariant)), $"{name}: the replay did not break {result.FirstViolation.Invariant}");
    }

    [Fact]
    public void Bank_ledger_shrinks_to_at_most_three_faults()
    {
        var bank = SplitBrain.Scenarios.Get("bank-ledger");
        for (long start = 1; start <= 10; start++)
        {
            var result = SplitBrain.Explorer.Run(bank, new ExploreOptions { FirstSeed = start * 1000, Schedules = 5000 });
            Assert.NotNull(result.ShrunkSchedule);
            Assert.InRange(result.ShrunkSchedule!.Count, 1, 3);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void With_protection_on_an_exploration_finds_nothing(string name)
    {
        var scenario = SplitBrain.Scenarios.Get(name);
        int schedules = name == "bank-ledger" ? 20_000 : 1000;
        var result = SplitBrain.Explorer.Run(scenario, new ExploreOptions
        {
            Schedules = schedules,
            Fencing = scenario.SafeSettings.Fencing,
            Quorum = scenario.SafeSettings.Quorum,
        });
        Assert.Equal(schedules, result.Schedules);
        Assert.True(result.Violations == 0, $"{name}: {result.FirstViolation}; replay: course {result.Replay}");
    }

    [Fact]
    public void The_first_violating_seed_does_not_depend_on_parallelism()
    {
        var bank = SplitBrain.Scenarios.Get("bank-ledger");
        var one = SplitBrain.Explorer.Run(bank, new ExploreOptions { Schedules = 2000, Parallelism = 1 });
        var two = SplitBrain.Explorer.Run(bank, new ExploreOptions { Schedules = 2000, Parallelism = 2 });
        Assert.Equal(one.FirstViolatingSeed, two.FirstViolatingSeed);
        Assert.Equal(one.Replay, two.Replay);
        Assert.Equal(one.ReplayTraceHash, two.ReplayTraceHash);
    }

    [Fact]
    public void Generated_schedules_print_and_parse_back_to_the_same_faults() =>
        Gen.Select(Gen.Int[0, 10], Gen.Long).Sample((index, seed) =>
        {
            var scenario = SplitBrain.Scenarios.All[index];
            var schedule = FaultGenerator.Generate(scenario.Bounds, scenario.NodeNames, seed, scenario.Script(new ScenarioOptions()));
            var text = FaultSchedule.Format(schedule);
            var parsed = FaultSchedule.Parse(text);
            Assert.Equal(schedule.Count, parsed.Count);
            Assert.Equal(text, FaultSchedule.Format(parsed));
            Assert.Equal(schedule.Select(f => f.At), parsed.Select(f => f.At));
        }, iter: 1000);

    [Theory]
    [InlineData("partition A | B")]
    [InlineData("t=1s explode A")]
    [InlineData("t=xs heal")]
    [InlineData("t=1s pause A 40s")]
    public void A_malformed_schedule_is_refused_with_the_forms_allowed(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => FaultSchedule.Parse(text));
        Assert.Equal("text", error.ParamName);
        Assert.Contains("pause A for <seconds>s", error.Message);
    }

    [Fact]
    public void Bad_explore_options_are_refused()
    {
        var bank = SplitBrain.Scenarios.Get("bank-ledger");
        Assert.Throws<ArgumentOutOfRangeException>(() => SplitBrain.Explorer.Run(bank, new ExploreOptions { Schedules = 0 }));
        Assert.Throws<ArgumentException>(() => SplitBrain.Explorer.Run(SplitBrain.Scenarios.Get("gc-pause"), new ExploreOptions { Quorum = 2 }));
    }

    [Fact]
    public void What_an_early_stop_reports_is_the_same_on_one_core_and_on_many()
    {
        var bank = SplitBrain.Scenarios.Get("bank-ledger");
        var one = SplitBrain.Explorer.Run(bank, new ExploreOptions { Schedules = 200, Parallelism = 1 });
        var four = SplitBrain.Explorer.Run(bank, new ExploreOptions { Schedules = 200, Parallelism = 4 });
        Assert.True(one.StoppedAtFirstViolation);
        Assert.Equal((one.Schedules, one.Violations, one.FirstViolatingSeed, one.Replay), (four.Schedules, four.Violations, four.FirstViolatingSeed, four.Replay));
        Assert.Equal(one.FirstViolatingSeed, one.Schedules);
        Assert.Equal(1, one.Violations);
    }

    [Fact]
    public void Seeds_that_would_pass_the_largest_64_bit_value_are_refused()
    {
        var bank = SplitBrain.Scenarios.Get("bank-ledger");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SplitBrain.Explorer.Run(bank, new ExploreOptions { FirstSeed = long.MaxValue - 1, Schedules = 3 }));
        Assert.Contains("start at", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, SplitBrain.Explorer.Run(bank, new ExploreOptions { FirstSeed = long.MaxValue, Schedules = 1, Fencing = true }).Schedules);
    }

    [Fact]
    public void A_written_fault_after_the_end_of_the_run_is_refused_not_silently_dropped()
    {
        var bank = SplitBrain.Scenarios.Get("bank-ledger");
        var error = Assert.Throws<ArgumentException>(() => bank.CheckSchedule([new(bank.Duration + TimeSpan.FromSeconds(1), new HealFault())]));
        Assert.Contains("after the run's end", error.Message, StringComparison.Ordinal);
    }
}
