using SplitBrain.Tests.Support;
using static SplitBrain.Tests.Support.Sim;

namespace SplitBrain.Tests.Kernel;

/// <summary>Bad input gets an error that names the parameter and says what is allowed.</summary>
public class ValidationTests
{
    [Fact]
    public void A_partition_naming_an_unknown_node_is_refused()
    {
        var sim = Puppets("A", "B", "C");
        var error = Assert.Throws<ArgumentException>(() => sim.Partition("A,B | Z"));
        Assert.Equal("partition", error.ParamName);
        Assert.Contains("Unknown node \"Z\"", error.Message);
        Assert.Contains("A, B, C", error.Message);
    }

    [Fact]
    public void A_scheduled_partition_is_checked_when_scheduled_not_mid_run()
    {
        var sim = Puppets("A", "B");
        var error = Assert.Throws<ArgumentException>(() => sim.At(S(1), new PartitionFault("A | Q")));
        Assert.Equal("Groups", error.ParamName);
    }

    [Theory]
    [InlineData("A,B")]
    [InlineData("A | ")]
    [InlineData("A,B | B")]
    public void A_malformed_partition_is_refused(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => Partition.Parse(text));
        Assert.Equal("groups", error.ParamName);
    }

    [Fact]
    public void A_negative_delay_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DelayDistribution.Fixed(Ms(-1)));
        Assert.Equal("delay", error.ParamName);
        Assert.Contains("zero or more", error.Message);

        var range = Assert.Throws<ArgumentOutOfRangeException>(() => DelayDistribution.Uniform(Ms(5), Ms(1)));
        Assert.Equal("max", range.ParamName);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_loss_rate_outside_zero_to_one_is_refused(double rate)
    {
        var sim = Puppets("A");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => sim.Network.LossRate = rate);
        Assert.Equal("LossRate", error.ParamName);
        Assert.Contains("between 0 and 1", error.Message);
    }

    [Fact]
    public void A_pause_with_negative_length_is_refused()
    {
        var sim = Puppets("A");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => sim.Pause("A", S(-40)));
        Assert.Equal("duration", error.ParamName);

        var scheduled = Assert.Throws<ArgumentOutOfRangeException>(() => sim.At(S(1), new PauseFault("A", S(-1))));
        Assert.Equal("Duration", scheduled.ParamName);
    }

    [Fact]
    public void A_run_with_no_nodes_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new Simulation(1).Run(S(1)));
        Assert.Equal("Nodes", error.ParamName);
        Assert.Contains("at least one node", error.Message);
    }

    [Fact]
    public void Duplicate_and_malformed_node_names_are_refused()
    {
        var sim = Puppets("A");
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => sim.AddNode("A", () => new PuppetNode())).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => sim.AddNode("B>C", () => new PuppetNode())).ParamName);
    }

    [Fact]
    public void Scheduling_in_the_past_is_refused()
    {
        var sim = Puppets("A");
        sim.Run(S(2));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => sim.At(S(1), () => { }));
        Assert.Equal("time", error.ParamName);
    }

    [Fact]
    public void A_drift_that_would_stop_the_clock_is_refused()
    {
        var sim = Puppets("A");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => sim.SetClock("A", TimeSpan.Zero, -1));
        Assert.Equal("drift", error.ParamName);
    }

    [Fact]
    public void Simulated_clocks_refuse_real_timers()
    {
        var sim = Puppets("A");
        Assert.Throws<NotSupportedException>(() => sim.ClockOf(sim["A"]).CreateTimer(_ => { }, null, S(1), S(1)));
    }
}
