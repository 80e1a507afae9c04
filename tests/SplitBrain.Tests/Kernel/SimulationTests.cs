using SplitBrain.Tests.Support;
using static SplitBrain.Tests.Support.Sim;

namespace SplitBrain.Tests.Kernel;

public class SimulationTests
{
    [Fact]
    public void Messages_arrive_after_the_network_delay()
    {
        var sim = Puppets("A", "B");
        sim.At(S(1), () => sim.Puppet("A").SendTo(sim["B"], new Ping(1)));
        sim.Run(S(2));

        var (time, message, from) = Assert.Single(sim.Puppet("B").Received);
        Assert.Equal(S(1) + Ms(5), time);
        Assert.Equal(new Ping(1), message);
        Assert.Equal("A", from.Name);
    }

    [Fact]
    public void Events_at_the_same_time_happen_in_the_order_they_were_scheduled()
    {
        var sim = Puppets("A");
        var order = new List<int>();
        for (int i = 0; i < 10; i++)
        {
            int n = i;
            sim.At(S(1), () => order.Add(n));
        }

        sim.Run(S(2));
        Assert.Equal(Enumerable.Range(0, 10), order);
    }

    [Fact]
    public void Run_stops_at_the_time_limit_and_can_carry_on()
    {
        var sim = Gossip(seed: 1, nodes: 3);
        var first = sim.Run(S(1));
        Assert.Equal(StopReason.TimeLimit, first.Reason);
        Assert.Equal(S(1), sim.Now);

        var second = sim.RunFor(S(1));
        Assert.Equal(S(2), second.EndTime);
        Assert.True(second.Steps > 0);
    }

    [Fact]
    public void Run_stops_at_the_step_limit()
    {
        var sim = Gossip(seed: 1, nodes: 3);
        var result = sim.Run(S(100), maxSteps: 50);
        Assert.Equal(StopReason.StepLimit, result.Reason);
        Assert.Equal(50, result.Steps);
    }

    [Fact]
    public void Run_reports_an_empty_queue()
    {
        var sim = Puppets("A", "B");
        var result = sim.Run(S(10));
        Assert.Equal(StopReason.QueueEmpty, result.Reason);
    }

    [Fact]
    public void Cancelled_timers_never_fire()
    {
        var sim = Puppets("A");
        var puppet = sim.Puppet("A");
        var keep = puppet.Timer(S(1), "keep");
        var drop = puppet.Timer(S(2), "drop");
        puppet.Cancel(drop);
        sim.Run(S(5));

        Assert.Equal(["keep"], puppet.Fired.Select(f => f.Tag));
        Assert.NotEqual(keep, drop);
    }

    [Fact]
    public void A_timer_that_fired_during_a_pause_and_was_cancelled_before_the_resume_never_fires()
    {
        var sim = Puppets("A");
        var puppet = sim.Puppet("A");
        sim.At(S(0.5), new PauseFault("A", S(3)));
        var late = puppet.Timer(S(1), "late");
        sim.At(S(2), () => puppet.Cancel(late));
        sim.Run(S(5));

        Assert.Empty(puppet.Fired);
        Assert.Contains(sim.Trace, e => e.Kind == TraceKind.Resume);
    }

    [Fact]
    public void A_message_handled_at_resume_can_cancel_a_timer_that_waited_behind_it()
    {
        var sim = new Simulation(1);
        sim.Network.Delay = DelayDistribution.Fixed(Ms(5));
        sim.AddNode("A", () => new CancelOnMessageNode { Delay = S(2) });
        sim.AddNode("B", () => new PuppetNode());
        sim.At(S(0.5), new PauseFault("A", S(3)));
        sim.At(S(1), () => sim.Puppet("B").SendTo(sim["A"], new Ping(1)));
        sim.Run(S(5));

        // The ping (1.005 s) and the alarm (2 s) both waited; at 3.5 s the ping comes first and cancels the alarm.
        Assert.Empty(sim.InstanceOf<CancelOnMessageNode>("A").Fired);
        Assert.DoesNotContain(sim.Trace, e => e.Kind == TraceKind.Timer);
    }

    [Fact]
    public void A_timer_that_waited_in_a_pause_still_fires_at_the_resume_when_nothing_cancels_it()
    {
        var sim = new Simulation(1);
        sim.AddNode("A", () => new CancelOnMessageNode { Delay = S(2) });
        sim.At(S(0.5), new PauseFault("A", S(3)));
        sim.Run(S(5));

        Assert.Equal(["alarm"], sim.InstanceOf<CancelOnMessageNode>("A").Fired);
        Assert.Equal(S(3.5), sim.Trace.Single(e => e.Kind == TraceKind.Timer).Time);
    }

    [Fact]
    public void The_trace_tells_sends_deliveries_and_timers()
    {
        var sim = Puppets("A", "B");
        sim.At(S(1), () => sim.Puppet("A").SendTo(sim["B"], new Ping(7)));
        sim.Puppet("B").Timer(S(3), "wake");
        sim.Run(S(5));

        var text = sim.Trace.ToCanonicalText();
        Assert.Contains("1.0000000s Send A->B Ping { Number = 7 }\n", text);
        Assert.Contains("1.0050000s Deliver A->B Ping { Number = 7 }\n", text);
        Assert.Contains("3.0000000s Timer B wake\n", text);
    }

    [Fact]
    public void Broadcast_reaches_every_peer()
    {
        var sim = Gossip(seed: 3, nodes: 5);
        sim.Run(S(3));
        foreach (var id in sim.Nodes)
        {
            Assert.NotEmpty(sim.InstanceOf<GossipNode>(id.Name).Received);
        }
    }
}
