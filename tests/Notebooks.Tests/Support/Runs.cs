using SplitBrain;

namespace Notebooks.Tests.Support;

/// <summary>Small runs to draw: nodes that ping each other, and lines fabricated at chosen times.</summary>
internal static class Runs
{
    internal static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary>Three pinging nodes; A is cut off at 2.5 s, C pauses for 1 s at 3 s; run to 5 s.</summary>
    internal static Simulation Pings(long seed = 1)
    {
        var sim = new Simulation(seed);
        sim.AddNode("A", () => new Pinger());
        sim.AddNode("B", () => new Pinger());
        sim.AddNode("C", () => new Pinger());
        sim.At(S(2.5), new PartitionFault("A | B,C"));
        sim.At(S(3), new PauseFault("C", S(1)));
        sim.Run(S(5));
        return sim;
    }

    /// <summary>Records <paramref name="kind"/> at virtual time <paramref name="at"/> (the simulation runs there).</summary>
    internal static void RecordAt(this Simulation sim, double at, TraceKind kind, string node, string? peer, object? detail)
    {
        sim.At(S(at), () => sim.Record(kind, sim[node], peer is null ? null : sim[peer], detail));
    }

    internal sealed record Ping(int Round) : Message;

    internal sealed class Pinger : Node
    {
        private int round;

        public override void OnStart() => SetTimer(S(1), "tick");

        public override void OnTimer(object tag)
        {
            round++;
            Broadcast(new Ping(round));
            SetTimer(S(1), "tick");
        }
    }

    /// <summary>A node that does nothing, for runs made of fabricated lines.</summary>
    internal sealed class Idle : Node;
}
