namespace SplitBrain;

/// <summary>Everything the kernel keeps about one node: the live object, its status, clock and durable state.</summary>
internal sealed class NodeSlot(NodeId id, Func<Node> factory, NodeClock clock)
{
    public readonly NodeId Id = id;
    public readonly Func<Node> Factory = factory;
    public readonly NodeClock Clock = clock;
    public readonly DurableState Durable = new();
    public readonly List<SimEvent> Deferred = [];
    public Node? Instance;
    public NodeStatus Status = NodeStatus.Up;
    public int Incarnation;
    public long PausedUntil;
    public NodeId[] Peers = [];
}
