using CsCheck;

namespace SplitBrain.Tests.Support;

/// <summary>A randomly generated run: a seed, a cluster size and a list of timed faults.</summary>
public sealed record GeneratedRun(long Seed, int Nodes, IReadOnlyList<(TimeSpan At, Fault Fault)> Faults)
{
    public static readonly TimeSpan Length = TimeSpan.FromSeconds(3);

    /// <summary>Builds the gossip simulation with these faults scheduled, and runs it.</summary>
    public Simulation Run()
    {
        var sim = Sim.Gossip(Seed, Nodes);
        foreach (var (at, fault) in Faults)
        {
            sim.At(at, fault);
        }

        sim.Run(Length);
        return sim;
    }

    public override string ToString() =>
        $"seed {Seed}, {Nodes} nodes: " + string.Join("; ", Faults.Select(f => $"t={f.At.TotalSeconds:0.###}s {f.Fault}"));
}

/// <summary>CsCheck generators for runs and faults.</summary>
public static class Generators
{
    public static string Name(int index) => ((char)('A' + index)).ToString();

    /// <summary>A partition of <paramref name="nodes"/> nodes into two or three non-empty groups.</summary>
    public static Gen<string> PartitionOf(int nodes) =>
        Gen.Int[0, 2].Array[nodes].Where(g => g.Distinct().Count() >= 2).Select(groups =>
            string.Join(" | ", groups
                .Select((group, index) => (group, index))
                .GroupBy(x => x.group)
                .OrderBy(g => g.Key)
                .Select(g => string.Join(",", g.Select(x => Name(x.index))))));

    /// <summary>One fault on a cluster of <paramref name="nodes"/> nodes.</summary>
    public static Gen<Fault> FaultOf(int nodes, bool withCrashes = true)
    {
        var node = Gen.Int[0, nodes - 1].Select(Name);
        var kinds = new List<Gen<Fault>>
        {
            PartitionOf(nodes).Select(p => (Fault)new PartitionFault(p)),
            Gen.Const((Fault)new HealFault()),
            Gen.Select(Gen.Int[0, nodes - 1], Gen.Int[1, nodes - 1]).Select((a, d) => (Fault)new CutFault(Name(a), Name((a + d) % nodes))),
            Gen.Select(node, Gen.Int[0, 800]).Select((n, ms) => (Fault)new PauseFault(n, TimeSpan.FromMilliseconds(ms))),
            Gen.Select(node, Gen.Int[-500, 500], Gen.Double[-0.5, 0.5]).Select((n, ms, d) => (Fault)new ClockFault(n, TimeSpan.FromMilliseconds(ms), d)),
        };
        if (withCrashes)
        {
            kinds.Add(node.Select(n => (Fault)new CrashFault(n)));
            kinds.Add(node.Select(n => (Fault)new RestartFault(n)));
        }

        return Gen.OneOf(kinds.ToArray());
    }

    /// <summary>A run of 2 to 6 gossip nodes with up to 8 faults in its first 3 seconds.</summary>
    public static readonly Gen<GeneratedRun> Runs =
        from seed in Gen.Long
        from nodes in Gen.Int[2, 6]
        from faults in Gen.Select(Gen.Int[0, 2999], FaultOf(nodes)).Array[0, 8]
        select new GeneratedRun(seed, nodes, faults
            .Select(f => (TimeSpan.FromMilliseconds(f.Item1), f.Item2))
            .OrderBy(f => f.Item1)
            .ToArray());
}
