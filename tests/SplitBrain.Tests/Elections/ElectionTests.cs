using static SplitBrain.Tests.Support.Sim;

namespace SplitBrain.Tests.Elections;

public class ElectionTests
{
    private static Simulation Cluster(long seed, int nodes, int? quorum = null, bool checkQuorum = true)
    {
        var sim = new Simulation(seed);
        var names = Enumerable.Range(0, nodes).Select(i => ((char)('A' + i)).ToString()).ToArray();
        var settings = new ElectionSettings { Quorum = quorum is { } q ? new Quorum(q, nodes) : Quorum.Majority(nodes), CheckQuorum = checkQuorum };
        foreach (var name in names)
        {
            sim.AddNode(name, () => new ElectionNode(settings, names));
        }

        return sim;
    }

    private static List<ElectionNode> Leaders(Simulation sim) =>
        sim.Nodes.Select(n => sim.InstanceOf(n)).OfType<ElectionNode>().Where(n => n.Role == Role.Leader).ToList();

    [Fact]
    public void A_healthy_cluster_elects_exactly_one_leader()
    {
        for (long seed = 1; seed <= 50; seed++)
        {
            var sim = Cluster(seed, 5);
            sim.Run(S(3));
            var leader = Assert.Single(Leaders(sim));
            Assert.All(sim.Nodes, n => Assert.Equal(leader.CurrentTerm, ((ElectionNode)sim.InstanceOf(n)!).CurrentTerm));
        }
    }

    [Fact]
    public void A_leader_cut_off_from_the_majority_steps_down_and_the_majority_elects_a_higher_term()
    {
        var sim = Cluster(seed: 4, nodes: 5);
        sim.Run(S(2));
        var old = Assert.Single(Leaders(sim));
        var others = sim.Nodes.Where(n => n != old.Id).Select(n => n.Name).ToArray();
        sim.Partition($"{old.Id.Name},{others[0]} | {others[1]},{others[2]},{others[3]}");
        sim.RunFor(S(2));

        Assert.NotEqual(Role.Leader, old.Role);
        var leader = Assert.Single(Leaders(sim));
        Assert.Contains(leader.Id.Name, others[1..]);
        var stepDown = sim.Trace.First(e => e.Kind == TraceKind.SteppedDown && e.Node == old.Id);
        var elected = sim.Trace.First(e => e.Kind == TraceKind.Elected && e.Node == leader.Id && e.Time > S(2));
        Assert.True(stepDown.Time < elected.Time, "the old leader must step down before the majority elects");
    }

    [Fact]
    public void Without_check_quorum_a_cut_off_leader_believes_it_leads_forever()
    {
        var sim = Cluster(seed: 4, nodes: 3, checkQuorum: false);
        sim.Run(S(2));
        var old = Assert.Single(Leaders(sim));
        var others = sim.Nodes.Where(n => n != old.Id).Select(n => n.Name);
        sim.Partition($"{old.Id.Name} | {string.Join(",", others)}");
        sim.RunFor(S(10));
        Assert.Equal(2, Leaders(sim).Count);
        Assert.Equal(Role.Leader, old.Role);
    }

    [Fact]
    public void A_stale_leader_steps_down_when_the_partition_heals()
    {
        var sim = Cluster(seed: 4, nodes: 3, checkQuorum: false);
        sim.Run(S(2));
        var old = Assert.Single(Leaders(sim));
        var others = sim.Nodes.Where(n => n != old.Id).Select(n => n.Name);
        sim.Partition($"{old.Id.Name} | {string.Join(",", others)}");
        sim.RunFor(S(3));
        sim.Heal();
        sim.RunFor(S(1));
        Assert.Single(Leaders(sim));
        Assert.Equal(Role.Follower, old.Role);
        Assert.Contains(sim.Trace, e => e.Kind == TraceKind.SteppedDown && e.Node == old.Id);
    }

    [Fact]
    public void No_term_ever_has_two_leaders_even_with_faults()
    {
        for (long seed = 1; seed <= 100; seed++)
        {
            var sim = Cluster(seed, 5);
            sim.Network.LossRate = 0.1;
            sim.At(S(1), new PartitionFault("A,B | C,D,E"));
            sim.At(S(2), new CrashFault("C"));
            sim.At(S(2.5), new RestartFault("C"));
            sim.At(S(3), new PartitionFault("A,C,E | B,D"));
            sim.At(S(4), new HealFault());
            sim.Run(S(6));
            Assert.Empty(new OneLeaderPerTerm().Check(new RunFacts(sim.Trace)));
        }
    }

    [Fact]
    public void Terms_and_votes_survive_a_crash_so_no_node_votes_twice_in_a_term()
    {
        var sim = Cluster(seed: 9, nodes: 3);
        sim.Run(S(2));
        var term = ((ElectionNode)sim.InstanceOf(sim["B"])!).CurrentTerm;
        sim.Crash("B");
        sim.Restart("B");
        Assert.Equal(term, ((ElectionNode)sim.InstanceOf(sim["B"])!).CurrentTerm);
    }

    [Fact]
    public void The_quorum_must_match_the_members()
    {
        var error = Assert.Throws<ArgumentException>(() => new ElectionNode(new ElectionSettings { Quorum = Quorum.Majority(3) }, ["A", "B"]));
        Assert.Equal("members", error.ParamName);
    }
}
