using static SplitBrain.Tests.Support.Sim;

namespace SplitBrain.Tests.Stonith;

public class StonithTests
{
    private static Simulation Cluster(bool stonith)
    {
        var sim = new Simulation(3);
        sim.AddNode("store", () => new FencedStore(0, _ => StorageGuard.None()));
        sim.AddNode("P", () => new Primary("store", "ha", new FencingToken(1)));
        sim.AddNode("S", () => new Primary("store", "ha", null));
        sim.AddNode("ha", () => new FailoverController("P", "S", "pdu", stonith));
        sim.AddNode("pdu", () => new PowerSwitch());
        return sim;
    }

    [Fact]
    public void With_stonith_the_old_primary_is_off_before_the_standby_is_promoted()
    {
        var sim = Cluster(stonith: true);
        sim.At(S(3), new PartitionFault("P | ha"));
        sim.Run(S(15));
        var off = sim.Trace.First(e => e.Kind == TraceKind.Crash && e.Node?.Name == "P");
        var promoted = sim.Trace.First(e => e.Kind == TraceKind.LeaseGranted);
        Assert.True(off.Time < promoted.Time);
        Assert.Equal(NodeStatus.Down, sim.StatusOf(sim["P"]));
        Assert.True(sim.InstanceOf<FailoverController>("ha").Promoted);
    }

    [Fact]
    public void When_the_fence_cannot_be_confirmed_promotion_is_refused()
    {
        var sim = Cluster(stonith: true);
        sim.At(S(3), new PartitionFault("P,pdu | ha"));
        sim.Run(S(15));
        var controller = sim.InstanceOf<FailoverController>("ha");
        Assert.True(controller.PromotionRefused);
        Assert.False(controller.Promoted);
        Assert.Null(sim.InstanceOf<Primary>("S").Token);
        Assert.Empty(new NoStaleWrite().Check(new RunFacts(sim.Trace)));
    }

    [Fact]
    public void Without_stonith_both_primaries_write()
    {
        var sim = Cluster(stonith: false);
        sim.At(S(3), new PartitionFault("P | ha"));
        sim.Run(S(15));
        Assert.NotNull(sim.InstanceOf<Primary>("S").Token);
        Assert.NotNull(sim.InstanceOf<Primary>("P").Token);
        Assert.Single(new NoStaleWrite().Check(new RunFacts(sim.Trace)));
    }
}
