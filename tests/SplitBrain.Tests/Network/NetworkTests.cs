using SplitBrain.Tests.Support;
using static SplitBrain.Tests.Support.Sim;

namespace SplitBrain.Tests.Network;

public class NetworkTests
{
    [Fact]
    public void A_partition_cuts_between_groups_and_not_within()
    {
        var sim = Puppets("A", "B", "C", "D");
        sim.Partition("A,B | C,D");
        sim.Puppet("A").SendTo(sim["B"], new Ping(1));
        sim.Puppet("A").SendTo(sim["C"], new Ping(2));
        sim.Puppet("D").SendTo(sim["B"], new Ping(3));
        sim.Run(S(1));

        Assert.Single(sim.Puppet("B").Received);
        Assert.Empty(sim.Puppet("C").Received);
        Assert.Equal(2, sim.Trace.OfKind(TraceKind.Drop).Count());
    }

    [Fact]
    public void A_message_in_flight_when_the_partition_starts_is_lost()
    {
        var sim = Puppets("A", "B");
        sim.Puppet("A").SendTo(sim["B"], new Ping(1));
        sim.At(Ms(2), new PartitionFault("A | B"));
        sim.Run(S(1));

        Assert.Empty(sim.Puppet("B").Received);
    }

    [Fact]
    public void Heal_restores_delivery()
    {
        var sim = Puppets("A", "B");
        sim.Partition("A | B");
        sim.At(S(1), new HealFault());
        sim.At(S(2), () => sim.Puppet("A").SendTo(sim["B"], new Ping(1)));
        sim.Run(S(3));

        Assert.Single(sim.Puppet("B").Received);
        Assert.False(sim.Network.IsSplit);
    }

    [Fact]
    public void A_one_way_cut_blocks_one_direction_only()
    {
        var sim = Puppets("A", "B");
        sim.Cut("A", "B");
        sim.Puppet("A").SendTo(sim["B"], new Ping(1));
        sim.Puppet("B").SendTo(sim["A"], new Ping(2));
        sim.Run(S(1));

        Assert.Empty(sim.Puppet("B").Received);
        Assert.Single(sim.Puppet("A").Received);
        Assert.False(sim.Network.CanReach(sim["A"], sim["B"]));
        Assert.True(sim.Network.CanReach(sim["B"], sim["A"]));
    }

    [Fact]
    public void A_node_in_no_group_keeps_its_links()
    {
        var sim = Puppets("A", "B", "client");
        sim.Partition("A | B");
        Assert.True(sim.Network.CanReach(sim["client"], sim["A"]));
        Assert.True(sim.Network.CanReach(sim["B"], sim["client"]));
        Assert.False(sim.Network.CanReach(sim["A"], sim["B"]));
    }

    [Fact]
    public void Full_loss_drops_everything_and_full_duplication_doubles_everything()
    {
        var lossy = Puppets("A", "B");
        lossy.Network.LossRate = 1;
        lossy.Puppet("A").SendTo(lossy["B"], new Ping(1));
        lossy.Run(S(1));
        Assert.Empty(lossy.Puppet("B").Received);

        var echo = Puppets("A", "B");
        echo.Network.DuplicationRate = 1;
        echo.Puppet("A").SendTo(echo["B"], new Ping(1));
        echo.Run(S(1));
        Assert.Equal(2, echo.Puppet("B").Received.Count);
    }

    [Fact]
    public void Uniform_delays_stay_within_their_bounds()
    {
        var sim = Puppets("A", "B");
        sim.Network.Delay = DelayDistribution.Uniform(Ms(10), Ms(20));
        for (int i = 0; i < 200; i++)
        {
            sim.Puppet("A").SendTo(sim["B"], new Ping(i));
        }

        sim.Run(S(1));
        Assert.Equal(200, sim.Puppet("B").Received.Count);
        Assert.All(sim.Puppet("B").Received, r => Assert.InRange(r.Time, Ms(10), Ms(20)));
        Assert.True(sim.Puppet("B").Received.Select(r => r.Time).Distinct().Count() > 5, "delays should vary");
    }

    [Fact]
    public void A_new_partition_replaces_the_old_one()
    {
        var sim = Puppets("A", "B", "C");
        sim.Partition("A | B,C");
        sim.Partition("A,B | C");
        Assert.True(sim.Network.CanReach(sim["A"], sim["B"]));
        Assert.False(sim.Network.CanReach(sim["B"], sim["C"]));
    }
}
