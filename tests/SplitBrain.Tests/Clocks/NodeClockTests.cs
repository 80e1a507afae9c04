using SplitBrain.Tests.Support;
using static SplitBrain.Tests.Support.Sim;

namespace SplitBrain.Tests.Clocks;

public class NodeClockTests
{
    [Fact]
    public void A_clock_without_offset_or_drift_reads_true_time()
    {
        var sim = Puppets("A");
        sim.Run(S(12.5));
        var clock = sim.ClockOf(sim["A"]);
        Assert.Equal(S(12.5), clock.LocalTime);
        Assert.Equal(NodeClock.Epoch + S(12.5), clock.GetUtcNow());
    }

    [Fact]
    public void Offset_and_drift_move_the_local_reading()
    {
        var sim = Puppets("A");
        sim.Run(S(10));
        sim.SetClock("A", S(2), drift: 0.5);
        sim.RunFor(S(4));
        // Local = true time at the change (10) + offset (2) + 4 true seconds at 1.5x = 18.
        Assert.Equal(S(18), sim.ClockOf(sim["A"]).LocalTime);
    }

    [Fact]
    public void Time_provider_measures_elapsed_time_on_the_local_clock()
    {
        var sim = Puppets("A");
        sim.SetClock("A", TimeSpan.Zero, drift: -0.5);
        TimeProvider clock = sim.ClockOf(sim["A"]);
        long start = clock.GetTimestamp();
        sim.Run(S(10));
        Assert.Equal(S(5), clock.GetElapsedTime(start));
    }

    [Fact]
    public void Timers_are_measured_on_the_local_clock()
    {
        var sim = Puppets("A");
        sim.SetClock("A", TimeSpan.Zero, drift: -0.5);
        sim.Puppet("A").Timer(S(10), "lease");
        sim.Run(S(60));
        Assert.Equal(S(20), Assert.Single(sim.Puppet("A").Fired).Time);
    }

    [Fact]
    public void Each_node_reads_its_own_clock()
    {
        var sim = Puppets("A", "B");
        sim.SetClock("B", S(-3), 0);
        sim.Run(S(5));
        Assert.Equal(S(5), sim.ClockOf(sim["A"]).LocalTime);
        Assert.Equal(S(2), sim.ClockOf(sim["B"]).LocalTime);
    }
}
