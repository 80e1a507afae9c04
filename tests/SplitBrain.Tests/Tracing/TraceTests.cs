using SplitBrain.Tests.Support;
using static SplitBrain.Tests.Support.Sim;

namespace SplitBrain.Tests.Tracing;

public class TraceTests
{
    [Fact]
    public void Times_are_printed_exactly_in_ticks()
    {
        Assert.Equal("0.0000001s", TraceEntry.FormatTime(TimeSpan.FromTicks(1)));
        Assert.Equal("40.0000000s", TraceEntry.FormatTime(S(40)));
        Assert.Equal("-1.5000000s", TraceEntry.FormatTime(S(-1.5)));
    }

    [Fact]
    public void The_hash_is_the_sha256_of_the_canonical_text()
    {
        var sim = Gossip(seed: 5, nodes: 3);
        sim.Run(S(2));
        var bytes = System.Text.Encoding.UTF8.GetBytes(sim.Trace.ToCanonicalText());
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        Assert.Equal(expected, sim.Trace.Hash());
        Assert.Equal(64, expected.Length);
    }

    [Fact]
    public void A_known_run_keeps_its_hash()
    {
        // A pinned run: if the kernel's event order or the random sequence changes, recorded seeds stop replaying.
        var sim = Gossip(seed: 2026, nodes: 3);
        sim.At(S(0.5), new PartitionFault("A | B,C"));
        sim.At(S(1), new PauseFault("B", S(0.3)));
        sim.At(S(1.5), new HealFault());
        sim.Run(S(2));
        Assert.Equal(PinnedHash, sim.Trace.Hash());
    }

    internal const string PinnedHash = "c253f4495beaa073ae7acf9cd4617ad2c9616acdb5544fa4333bde2f3f97f8c9";

    [Fact]
    public void Protocol_holds_the_protocol_lines_so_far_in_order_and_is_current_each_time_it_is_asked_for()
    {
        var sim = Gossip(seed: 5, nodes: 3);
        sim.At(S(0.5), new PartitionFault("A | B,C"));
        sim.Run(S(1));
        var first = sim.Trace.Protocol;
        Assert.Equal(sim.Trace.Where(e => !IsTraffic(e.Kind)), first);
        Assert.Single(first, e => e.Kind == TraceKind.Partition);

        sim.At(S(1.5), new HealFault());
        sim.Run(S(2));
        var second = sim.Trace.Protocol;
        Assert.Equal(sim.Trace.Where(e => !IsTraffic(e.Kind)), second);
        Assert.Equal(first.Count + 1, second.Count);
        Assert.Equal(TraceKind.Heal, second[^1].Kind);

        sim.Trace.Clear();
        Assert.Empty(sim.Trace.Protocol);
    }

    private static bool IsTraffic(TraceKind kind) =>
        kind is TraceKind.Send or TraceKind.Deliver or TraceKind.Drop or TraceKind.Duplicate or TraceKind.Timer;

    [Fact]
    public void Clear_forgets_every_line()
    {
        var sim = Gossip(seed: 5, nodes: 2);
        sim.Run(S(1));
        Assert.True(sim.Trace.Count > 0);
        sim.Trace.Clear();
        Assert.Empty(sim.Trace);
    }
}
