using SplitBrain;

namespace SplitBrain.Benchmarks;

/// <summary>A heartbeat every <see cref="Interval"/> to every peer: the busiest steady state a small cluster has.</summary>
public sealed record Heartbeat : Message
{
    public static readonly Heartbeat Instance = new();
}

/// <summary>A node that only sends and receives heartbeats.</summary>
public sealed class HeartbeatNode : Node
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);
    private static readonly object Beat = "beat";

    public long Received { get; private set; }

    public override void OnStart() => SetTimer(Interval, Beat);

    public override void OnMessage(Message message, NodeId from) => Received++;

    public override void OnTimer(object tag)
    {
        Broadcast(Heartbeat.Instance);
        SetTimer(Interval, Beat);
    }

    /// <summary>A simulation of <paramref name="nodes"/> heartbeat nodes.</summary>
    public static Simulation Cluster(long seed, int nodes)
    {
        var sim = new Simulation(seed);
        for (int i = 0; i < nodes; i++)
        {
            sim.AddNode(((char)('A' + i)).ToString(), () => new HeartbeatNode());
        }

        return sim;
    }
}
