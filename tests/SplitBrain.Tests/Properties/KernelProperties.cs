using CsCheck;
using SplitBrain.Tests.Support;

namespace SplitBrain.Tests.Properties;

/// <summary>
/// Properties of the kernel, each checked on at least 1,000 generated runs. When one fails, CsCheck
/// shrinks the run and prints it with a seed that reproduces it.
/// </summary>
public class KernelProperties
{
    private const int Cases = 1000;

    [Fact]
    public void The_same_seed_gives_the_same_trace_hash() =>
        Generators.Runs.Sample(run =>
        {
            var first = run.Run().Trace.Hash();
            var second = run.Run().Trace.Hash();
            Assert.Equal(first, second);
        }, iter: Cases, print: r => r.ToString());

    [Fact]
    public void Different_seeds_usually_give_different_runs()
    {
        int same = 0;
        Gen.Select(Gen.Long, Gen.Long, Gen.Int[2, 6]).Where((a, b, _) => a != b).Sample((a, b, nodes) =>
        {
            var first = new GeneratedRun(a, nodes, []).Run().Trace.Hash();
            var second = new GeneratedRun(b, nodes, []).Run().Trace.Hash();
            if (first == second)
            {
                Interlocked.Increment(ref same);
            }
        }, iter: Cases);

        Assert.True(same <= Cases / 100, $"{same} of {Cases} pairs of different seeds gave identical runs");
    }

    [Fact]
    public void A_partition_never_delivers_across_the_cut() =>
        Generators.Runs.Sample(run =>
        {
            var sim = run.Run();
            Dictionary<string, int>? groupOf = null;
            foreach (var entry in sim.Trace.Entries)
            {
                switch (entry.Kind)
                {
                    case TraceKind.Partition:
                        var partition = entry.DetailAs<Partition>();
                        groupOf = partition.Groups.SelectMany((g, i) => g.Select(n => (n, i))).ToDictionary(x => x.n, x => x.i);
                        break;
                    case TraceKind.Heal:
                        groupOf = null;
                        break;
                    case TraceKind.Deliver when groupOf is not null:
                        Assert.True(
                            groupOf[entry.Node!.Value.Name] == groupOf[entry.Peer!.Value.Name],
                            $"delivered across the partition: {entry}");
                        break;
                }
            }
        }, iter: Cases, print: r => r.ToString());

    [Fact]
    public void A_one_way_cut_never_delivers_in_its_direction() =>
        Generators.Runs.Sample(run =>
        {
            var sim = run.Run();
            var cut = new HashSet<(string, string)>();
            foreach (var entry in sim.Trace.Entries)
            {
                switch (entry.Kind)
                {
                    case TraceKind.Partition or TraceKind.Heal:
                        cut.Clear();
                        break;
                    case TraceKind.Cut:
                        cut.Add((entry.Node!.Value.Name, entry.Peer!.Value.Name));
                        break;
                    case TraceKind.Deliver:
                        Assert.DoesNotContain((entry.Node!.Value.Name, entry.Peer!.Value.Name), cut);
                        break;
                }
            }
        }, iter: Cases, print: r => r.ToString());

    [Fact]
    public void A_paused_node_handles_nothing_until_resumed() =>
        Generators.Runs.Sample(run =>
        {
            var sim = run.Run();
            var paused = new HashSet<string>();
            foreach (var entry in sim.Trace.Entries)
            {
                switch (entry.Kind)
                {
                    case TraceKind.Pause:
                        paused.Add(entry.Node!.Value.Name);
                        break;
                    case TraceKind.Resume or TraceKind.Crash:
                        paused.Remove(entry.Node!.Value.Name);
                        break;
                    case TraceKind.Deliver:
                        Assert.DoesNotContain(entry.Peer!.Value.Name, paused);
                        break;
                    case TraceKind.Timer or TraceKind.Send:
                        Assert.DoesNotContain(entry.Node!.Value.Name, paused);
                        break;
                }
            }
        }, iter: Cases, print: r => r.ToString());

    [Fact]
    public void Heal_restores_delivery()
    {
        var healAt = TimeSpan.FromSeconds(2);
        var gen =
            from seed in Gen.Long
            from nodes in Gen.Int[2, 6]
            from faults in Gen.Select(Gen.Int[0, 1999], Generators.FaultOf(nodes, withCrashes: false)).Array[0, 6]
            select new GeneratedRun(seed, nodes, faults
                .Select(f => (TimeSpan.FromMilliseconds(f.Item1), f.Item2))
                .Where(f => f.Item2 is not PauseFault || f.Item1 + ((PauseFault)f.Item2).Duration < healAt)
                .Append((healAt, (Fault)new HealFault()))
                .OrderBy(f => f.Item1)
                .ToArray());

        gen.Sample(run =>
        {
            var sim = run.Run();
            var late = GeneratedRun.Length - TimeSpan.FromMilliseconds(20);
            var delivered = sim.Trace.Entries
                .Where(e => e.Kind == TraceKind.Deliver)
                .Select(e => (e.Node!.Value.Name, e.Peer!.Value.Name, e.Detail))
                .ToHashSet();
            foreach (var send in sim.Trace.Entries.Where(e => e.Kind == TraceKind.Send && e.Time > healAt && e.Time < late))
            {
                Assert.True(
                    delivered.Contains((send.Node!.Value.Name, send.Peer!.Value.Name, send.Detail)),
                    $"sent after the heal but never delivered: {send}");
            }
        }, iter: Cases, print: r => r.ToString());
    }

    [Fact]
    public void Clock_reads_are_monotonic_without_negative_steps()
    {
        var gen = Gen.Select(Gen.Long, Gen.Double[-0.9, 2.0].Array[1, 5], Gen.Int[0, 900].Array[1, 5]);
        gen.Sample((seed, drifts, steps) =>
        {
            var sim = new Simulation(seed);
            var id = sim.AddNode("A", () => new PuppetNode());
            var clock = sim.ClockOf(id);
            var reads = new List<TimeSpan>();
            for (int i = 0; i < drifts.Length; i++)
            {
                double drift = drifts[i];
                var forward = TimeSpan.FromMilliseconds(steps[i % steps.Length]);
                sim.At(TimeSpan.FromSeconds(i), () =>
                {
                    // Keep the local reading, plus a forward step, and change the rate.
                    var offset = clock.LocalTime - sim.Now + forward;
                    sim.SetClock("A", offset, drift);
                });
            }

            for (int ms = 0; ms < 6000; ms += 37)
            {
                sim.At(TimeSpan.FromMilliseconds(ms), () => reads.Add(clock.LocalTime));
            }

            sim.Run(TimeSpan.FromSeconds(6));
            for (int i = 1; i < reads.Count; i++)
            {
                Assert.True(reads[i] >= reads[i - 1], $"clock went back from {reads[i - 1]} to {reads[i]}");
            }
        }, iter: Cases);
    }
}
