using SplitBrain.Visuals;

namespace Notebooks.Tests.Pictures;

public sealed class SplitOutcomeTests
{
    [Fact]
    public void Four_nodes_split_four_ways()
    {
        Assert.Equal(["3-1", "2-2", "2-1-1", "1-1-1-1"], SplitOutcome.AllSplits(4, 3).Select(o => o.Shape));
    }

    [Theory]
    [InlineData(4, 3, "2-2", 0)] // majority of 4: nobody writes
    [InlineData(4, 2, "2-2", 2)] // quorum 2 of 4: two leaders
    [InlineData(5, 3, "3-2", 1)] // only the 3 side
    [InlineData(3, 2, "2-1", 1)]
    [InlineData(2, 1, "1-1", 2)] // a two-node cluster that lets each side act alone
    [InlineData(2, 2, "1-1", 0)]
    public void Writers_count_the_sides_holding_a_quorum(int nodes, int quorum, string shape, int writers)
    {
        var outcome = SplitOutcome.AllSplits(nodes, quorum).Single(o => o.Shape == shape);
        Assert.Equal(writers, outcome.Writers);
    }

    [Fact]
    public void The_chart_puts_each_split_in_the_group_of_its_writers()
    {
        var figure = WhoCanWriteChart.Draw(SplitOutcome.AllSplits(4, 2));

        var red = figure.Data.Single(t => t.Name!.Contains("split brain", StringComparison.Ordinal));
        Assert.Equal(["2-2"], red.X!.Cast<string>());
        Assert.Contains("2-2 of 4, quorum 2: 2 sides can write (split brain)", red.HoverText!);
    }

    [Fact]
    public void Bad_sizes_are_refused_with_the_allowed_range()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SplitOutcome.AllSplits(4, 5));
        Assert.Contains("between 1 and 4", error.Message);
    }
}
