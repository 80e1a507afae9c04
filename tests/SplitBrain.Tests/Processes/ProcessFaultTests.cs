using SplitBrain.Tests.Support;
using static SplitBrain.Tests.Support.Sim;

namespace SplitBrain.Tests.Processes;

public class ProcessFaultTests
{
    [Fact]
    public void A_paused_node_handles_nothing_until_it_resumes_then_everything_at_once()
    {
        var sim = Puppets("A", "B");
        sim.At(S(1), new PauseFault("B", S(40)));
        sim.At(S(2), () => sim.Puppet("A").SendTo(sim["B"], new Ping(1)));
        sim.Puppet("B").Timer(S(10), "lease-check");
        sim.Run(S(60));

        var b = sim.Puppet("B");
        Assert.Equal(S(41), Assert.Single(b.Received).Time);
        Assert.Equal(S(41), Assert.Single(b.Fired).Time);
        Assert.Equal(NodeStatus.Up, sim.StatusOf(sim["B"]));
    }

    [Fact]
    public void A_paused_node_handles_what_waited_in_the_order_it_arrived()
    {
        var sim = Puppets("A", "B");
        sim.Pause("B", S(5));
        for (int i = 1; i <= 5; i++)
        {
            int n = i;
            sim.At(S(n * 0.5), () => sim.Puppet("A").SendTo(sim["B"], new Ping(n)));
        }

        sim.Run(S(10));
        Assert.Equal([1, 2, 3, 4, 5], sim.Puppet("B").Received.Select(r => ((Ping)r.Message).Number));
    }

    [Fact]
    public void Pausing_a_paused_node_extends_the_pause()
    {
        var sim = Puppets("A");
        sim.Pause("A", S(10));
        sim.At(S(5), new PauseFault("A", S(20)));
        sim.Puppet("A").Timer(S(1), "t");
        sim.Run(S(60));
        Assert.Equal(S(25), Assert.Single(sim.Puppet("A").Fired).Time);
    }

    [Fact]
    public void A_crash_loses_volatile_state_and_drops_messages_but_keeps_durable_state()
    {
        var sim = Puppets("A", "B");
        sim.Run(S(1));
        var before = sim.Puppet("B");
        before.Disk.Set("term", 7);
        sim.Crash("B");
        Assert.Null(sim.InstanceOf(sim["B"]));

        sim.Puppet("A").SendTo(sim["B"], new Ping(1));
        sim.At(S(2), new RestartFault("B"));
        sim.Run(S(3));

        var after = sim.Puppet("B");
        Assert.NotSame(before, after);
        Assert.Empty(after.Received);
        Assert.Equal(7, after.Disk.Get("term", 0));
        Assert.Equal(2, after.Disk.Get("starts", 0));
        Assert.Equal(1, after.Starts);
        Assert.Contains(sim.Trace.Entries, e => e.Kind == TraceKind.Drop && e.Peer?.Name == "B");
    }

    [Fact]
    public void Timers_of_a_crashed_node_never_fire_after_restart()
    {
        var sim = Puppets("A");
        sim.Puppet("A").Timer(S(5), "old");
        sim.At(S(1), new CrashFault("A"));
        sim.At(S(2), new RestartFault("A"));
        sim.Run(S(10));
        Assert.Empty(sim.Puppet("A").Fired);
    }

    [Fact]
    public void A_crash_during_a_pause_discards_what_waited()
    {
        var sim = Puppets("A", "B");
        sim.Pause("B", S(10));
        sim.Puppet("A").SendTo(sim["B"], new Ping(1));
        sim.At(S(1), new CrashFault("B"));
        sim.At(S(2), new RestartFault("B"));
        sim.Run(S(20));
        Assert.Empty(sim.Puppet("B").Received);
    }

    [Fact]
    public void Faults_are_traced_in_words()
    {
        var sim = Puppets("A", "B");
        sim.At(S(1), new PauseFault("A", S(40)));
        sim.At(S(2), new PartitionFault("A | B"));
        sim.At(S(3), new CrashFault("B"));
        sim.Run(S(50));
        var text = sim.Trace.ToCanonicalText();
        Assert.Contains("1.0000000s Pause A for 40s", text);
        Assert.Contains("2.0000000s Partition - {A} | {B}", text);
        Assert.Contains("3.0000000s Crash B", text);
        Assert.Contains("41.0000000s Resume A", text);
    }
}
