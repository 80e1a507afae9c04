namespace SplitBrain;

/// <summary>
/// One process in the simulated cluster. Subclass it, and override the handlers for what arrives:
/// <see cref="OnStart"/>, <see cref="OnMessage"/> and <see cref="OnTimer"/>.
/// </summary>
/// <remarks>
/// <para>A node never blocks and never reads real time. It reacts to one event at a time: a message, a
/// timer, or its own start. From a handler it may <see cref="Send"/> messages, <see cref="SetTimer"/>
/// timers, read its own <see cref="Clock"/>, and keep what must survive a crash in <see cref="Durable"/>.</para>
/// <para>Fields of the subclass are volatile: a crash loses them, and a restart builds a new object with
/// the factory given to <see cref="Simulation.AddNode"/>.</para>
/// </remarks>
public abstract class Node
{
    private Simulation? simulation;
    private NodeSlot? slot;

    /// <summary>This node's id.</summary>
    public NodeId Id { get; private set; }

    /// <summary>This node's own clock, with its offset and drift. Read it as you would <see cref="TimeProvider.System"/>.</summary>
    public NodeClock Clock => Slot.Clock;

    /// <summary>What this node keeps across crashes.</summary>
    protected DurableState Durable => Slot.Durable;

    /// <summary>The simulation's one random source. Drawing from it keeps the run replayable.</summary>
    protected SimRandom Random => Simulation.Random;

    /// <summary>Every other node in the simulation, in the order they were added.</summary>
    protected IReadOnlyList<NodeId> Peers => Simulation.PeersOf(Id);

    /// <summary>The simulation this node runs in.</summary>
    protected Simulation Simulation => simulation ?? ThrowNotAdded<Simulation>();

    /// <summary>Called once when the node starts, and again after every restart.</summary>
    public virtual void OnStart()
    {
    }

    /// <summary>Called when a message arrives.</summary>
    /// <param name="message">The message.</param>
    /// <param name="from">The node that sent it.</param>
    public virtual void OnMessage(Message message, NodeId from)
    {
    }

    /// <summary>Called when a timer set with <see cref="SetTimer"/> fires (late, if the node was paused).</summary>
    /// <param name="tag">The tag given to <see cref="SetTimer"/>, telling which timer this is.</param>
    public virtual void OnTimer(object tag)
    {
    }

    /// <summary>Sends <paramref name="message"/> to <paramref name="to"/> through the network, which may delay, lose or cut it.</summary>
    /// <param name="to">The receiver.</param>
    /// <param name="message">The message; an immutable record.</param>
    protected void Send(NodeId to, Message message) => Simulation.Send(Id, to, message);

    /// <summary>Sends <paramref name="message"/> to every peer.</summary>
    /// <param name="message">The message; an immutable record.</param>
    protected void Broadcast(Message message)
    {
        var peers = Simulation.PeerArray(Id);
        for (int i = 0; i < peers.Length; i++)
        {
            Simulation.Send(Id, peers[i], message);
        }
    }

    /// <summary>
    /// Asks for <see cref="OnTimer"/> to be called with <paramref name="tag"/> after <paramref name="delay"/>
    /// has passed on this node's own clock.
    /// </summary>
    /// <param name="delay">How long to wait, on the local clock; zero or more.</param>
    /// <param name="tag">What the timer is for; handed back to <see cref="OnTimer"/>.</param>
    /// <returns>An id that <see cref="CancelTimer"/> accepts.</returns>
    protected TimerId SetTimer(TimeSpan delay, object tag) => Simulation.SetTimer(Slot, delay, tag);

    /// <summary>Cancels a timer that has not fired yet. Cancelling a timer that already fired does nothing.</summary>
    /// <param name="timer">The id <see cref="SetTimer"/> returned.</param>
    protected void CancelTimer(TimerId timer) => Simulation.CancelTimer(Slot, timer);

    /// <summary>Adds a line to the trace, at this node, for events of the protocol (an election won, a write refused).</summary>
    /// <param name="kind">What happened.</param>
    /// <param name="detail">The details, shown in the trace text.</param>
    /// <param name="peer">The other node involved, if any.</param>
    protected void Record(TraceKind kind, object? detail, NodeId? peer = null) => Simulation.Record(kind, Id, peer, detail);

    private NodeSlot Slot => slot ?? ThrowNotAdded<NodeSlot>();

    /// <summary>Throws for a node used before it was added; kept apart so that the properties above stay small enough to inline.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static T ThrowNotAdded<T>() =>
        throw new InvalidOperationException("This node has not been added to a simulation yet; use Simulation.AddNode.");

    internal void Attach(Simulation owner, NodeSlot own)
    {
        simulation = owner;
        slot = own;
        Id = own.Id;
    }
}
