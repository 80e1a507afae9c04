using SplitBrain;
using SplitBrain.Visuals;

namespace Notebooks.Tests.Pictures;

/// <summary>The pictures and helpers added for lessons 05 to 08: the terms chart, the progress chart, and the swap-in helper.</summary>
public sealed class LessonFiveToEightPicturesTests
{
    [Fact]
    public void The_terms_chart_has_one_rising_line_per_node_ending_at_the_end_of_the_run()
    {
        var run = Scenarios.Run("three-two-partition", new ScenarioOptions { Seed = 1 });
        var figure = SplitBrain.Visuals.Pictures.Terms(run);

        Assert.Equal(["A", "B", "C", "D", "E"], figure.Data.Select(t => t.Name));
        Assert.All(figure.Data, t =>
        {
            var terms = t.Y!.Select(Convert.ToInt64).ToArray();
            Assert.True(terms.Zip(terms.Skip(1)).All(p => p.First <= p.Second), $"{t.Name}'s term went down");
            Assert.Equal(run.Simulation.Now.TotalSeconds, (double)t.X![^1]!);
        });
    }

    [Fact]
    public void The_terms_chart_ignores_messages_that_carry_no_term()
    {
        Assert.Empty(TermsChart.Steps(Scenarios.Run("gc-pause", new ScenarioOptions { Seed = 1 }).Trace));
    }

    [Fact]
    public void The_progress_chart_plots_violations_against_schedules_tried()
    {
        var figure = SplitBrain.Visuals.Pictures.Progress([new ExploreProgress(100, 0, 50), new ExploreProgress(200, 3, 60)]);
        var line = Assert.Single(figure.Data);

        Assert.Equal([0L, 100L, 200L], line.X!.Select(Convert.ToInt64));
        Assert.Equal([0L, 0L, 3L], line.Y!.Select(Convert.ToInt64));
        Assert.Contains("3 broke an invariant", line.HoverText![2]);
    }

    [Fact]
    public void Your_code_tells_the_stub_from_a_finished_run_and_from_a_real_bug()
    {
        Assert.True(YourCode.TryRun(() => 42, out int answer));
        Assert.Equal(42, answer);
        Assert.False(YourCode.TryRun<int>(() => throw new NotImplementedException(), out _));
        Assert.False(YourCode.TryRun<int>(() => throw new AggregateException(new InvalidOperationException("x"), new NotImplementedException()), out _));
        Assert.False(YourCode.TryRun<int>(() => throw new InvalidOperationException("wrapped", new NotImplementedException()), out _));
        Assert.Throws<InvalidOperationException>(() => YourCode.TryRun<int>(() => throw new InvalidOperationException("a bug"), out _));
        Assert.Contains("exercises/Exercise05_Voter.cs", YourCode.StillTheStub("Voter", "exercises/Exercise05_Voter.cs").Html);
    }
}
