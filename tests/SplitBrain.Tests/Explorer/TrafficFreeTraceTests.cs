namespace SplitBrain.Tests.Explorer;

/// <summary>
/// The explorer runs its schedules without recording traffic lines. That must change nothing but the
/// trace's length: the same violations, the same protocol lines, the same figures.
/// </summary>
public sealed class TrafficFreeTraceTests
{
    [Theory]
    [InlineData("bank-ledger", false)]
    [InlineData("bank-ledger", true)]
    [InlineData("gc-pause", false)]
    [InlineData("stonith", false)]
    public void A_run_without_traffic_lines_is_the_same_run(string name, bool fencing)
    {
        var scenario = SplitBrain.Scenarios.Get(name);
        var script = scenario.Script(new ScenarioOptions { Fencing = fencing });
        for (long seed = 1; seed <= 40; seed++)
        {
            var options = new ScenarioOptions { Seed = seed, Fencing = fencing, Faults = FaultGenerator.Generate(scenario.Bounds, scenario.NodeNames, seed, script) };
            var full = scenario.Run(options);
            var lean = scenario.Run(options with { TraceTraffic = false });

            Assert.Equal(full.Violations.Select(v => v.Message), lean.Violations.Select(v => v.Message));
            Assert.Equal(full.Trace.Protocol.Select(e => e.ToString()), lean.Trace.Protocol.Select(e => e.ToString()));
            Assert.Equal(full.Figures, lean.Figures);
            Assert.Equal(full.Events, lean.Events);
            Assert.True(lean.Trace.Count < full.Trace.Count, $"seed {seed}: {lean.Trace.Count} lines without traffic, {full.Trace.Count} with");
            Assert.DoesNotContain(lean.Trace, e => e.Kind is TraceKind.Send or TraceKind.Deliver or TraceKind.Timer);
        }
    }

    [Fact]
    public void The_explorers_replay_keeps_the_traffic_so_its_hash_matches_the_command_line_run()
    {
        var scenario = SplitBrain.Scenarios.Get("bank-ledger");
        var found = SplitBrain.Explorer.Run(scenario, new ExploreOptions { Schedules = 200, Fencing = false });
        Assert.NotNull(found.ShrunkSchedule);
        var replay = scenario.Run(new ScenarioOptions { Seed = found.FirstViolatingSeed!.Value, Fencing = false, Faults = found.ShrunkSchedule });
        Assert.Equal(replay.TraceHash, found.ReplayTraceHash);
        Assert.Contains(replay.Trace, e => e.Kind == TraceKind.Deliver);
    }
}
