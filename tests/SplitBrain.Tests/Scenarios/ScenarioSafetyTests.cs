namespace SplitBrain.Tests.Scenarios;

/// <summary>
/// Every scenario, over seeds 1 to 200: the unsafe setting breaks the invariant the scenario teaches,
/// the safe setting breaks none.
/// </summary>
public class ScenarioSafetyTests
{
    public const int Seeds = 200;

    public static TheoryData<string> Names => new(SplitBrain.Scenarios.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void The_unsafe_setting_breaks_what_the_scenario_teaches_for_every_seed(string name)
    {
        var scenario = SplitBrain.Scenarios.Get(name);
        for (long seed = 1; seed <= Seeds; seed++)
        {
            var result = scenario.Run(scenario.UnsafeSettings with { Seed = seed });
            Assert.True(result.Broke(scenario.Teaches),
                $"{name} seed {seed} ({result.Options}) should break {scenario.Teaches}; it broke [{string.Join("; ", result.Violations)}]. Replay: course {result.Replay}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_safe_setting_breaks_nothing_for_every_seed(string name)
    {
        var scenario = SplitBrain.Scenarios.Get(name);
        for (long seed = 1; seed <= Seeds; seed++)
        {
            var result = scenario.Run(scenario.SafeSettings with { Seed = seed });
            Assert.True(result.Violations.Count == 0,
                $"{name} seed {seed} ({result.Options}) should be safe; it broke [{string.Join("; ", result.Violations)}]. Replay: course {result.Replay}");
        }
    }
}
