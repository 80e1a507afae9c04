namespace SplitBrain;

/// <summary>
/// A deterministic discrete-event simulation of a small cluster: nodes, the network between them, their
/// clocks, and the faults that break them.
/// </summary>
/// <remarks>
/// <para><b>How to use it.</b> Make a simulation with a seed, add nodes, script faults, run:</para>
/// <code>
/// var sim = new Simulation(seed: 7);
/// sim.AddNode("A", () => new MyNode());
/// sim.AddNode("B", () => new MyNode());
/// sim.At(TimeSpan.FromSeconds(2), new PartitionFault("A | B"));
/// sim.At(TimeSpan.FromSeconds(5), new PauseFault("A", TimeSpan.FromSeconds(40)));
/// sim.Run(until: TimeSpan.FromSeconds(60));
/// Console.WriteLine(sim.Trace.Hash());
/// </code>
/// <para><b>What it guarantees.</b> Time is virtual: nothing waits for a real clock. Everything random comes
/// from <see cref="Random"/>, seeded once. Events happen one at a time, ordered by virtual time and then by
/// the order they were scheduled. So a run is a pure function of its nodes, its faults and its seed: the
/// same inputs give the same <see cref="Trace"/>, byte for byte, in any process on any machine.</para>
/// <para><b>The fault model.</b> The network (<see cref="SplitBrain.Network"/>) delays, loses, duplicates and
/// cuts messages. A node can be paused (it freezes; its messages and timers wait and are handled late, all at
/// once, when it resumes), crashed (its volatile state is gone, messages to it are dropped) and restarted
/// (a fresh object from its factory, with its <see cref="DurableState"/>). Each node reads its own
/// <see cref="NodeClock"/>, which may be offset from true time and drift.</para>
/// </remarks>
public sealed class Simulation
{
    /// <summary>The most events one call of <see cref="Run"/> handles unless told otherwise.</summary>
    public const long DefaultMaxSteps = 10_000_000;

    /// <summary>The characters a node name may not have, because partitions and cuts are written with them.</summary>
    private static readonly System.Buffers.SearchValues<char> CharactersPartitionsUse = System.Buffers.SearchValues.Create(" ,|{}>");

    private readonly List<NodeSlot> slots = [];
    private readonly Dictionary<string, int> indexByName = new(StringComparer.Ordinal);
    private readonly EventQueue queue = new(32);
    private long sequence;
    private bool running;

    /// <summary>Starts an empty simulation whose every random choice follows from <paramref name="seed"/>.</summary>
    /// <param name="seed">The seed; the same seed replays the same run.</param>
    public Simulation(long seed)
    {
        Seed = seed;
        Random = new SimRandom(seed);
        Network = new Network();
        Trace = new Trace(index => slots[index].Id);
    }

    /// <summary>The seed this simulation was started with.</summary>
    public long Seed { get; }

    /// <summary>The simulation's one random source.</summary>
    public SimRandom Random { get; }

    /// <summary>The network between the nodes: delays, loss, duplication and cut links.</summary>
    public Network Network { get; }

    /// <summary>Everything that has happened so far.</summary>
    public Trace Trace { get; }

    /// <summary>True virtual time: what a perfect clock outside the cluster would read.</summary>
    public TimeSpan Now => TimeSpan.FromTicks(NowTicks);

    /// <summary>Every node, in the order added.</summary>
    public IReadOnlyList<NodeId> Nodes => slots.Select(s => s.Id).ToArray();

    /// <summary>How many events have been handled since the simulation was made.</summary>
    public long Steps { get; private set; }

    internal long NowTicks { get; private set; }

    /// <summary>The node called <paramref name="name"/>.</summary>
    /// <param name="name">A node name given to <see cref="AddNode"/>.</param>
    /// <exception cref="ArgumentException">No node has that name.</exception>
    public NodeId this[string name] => Resolve(name, nameof(name));

    /// <summary>
    /// Adds a node. <paramref name="factory"/> builds its object now and again at every restart;
    /// the node's <see cref="Node.OnStart"/> runs at the current virtual time once the run begins.
    /// </summary>
    /// <param name="name">A unique name such as <c>"A"</c> or <c>"client-1"</c>; no spaces, commas, braces, bars or <c>&gt;</c>.</param>
    /// <param name="factory">Builds a fresh node object, with no state but what it reads from <see cref="DurableState"/>.</param>
    /// <returns>The new node's id.</returns>
    /// <exception cref="ArgumentException">The name is empty, taken, or has a character partitions use.</exception>
    public NodeId AddNode(string name, Func<Node> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (string.IsNullOrWhiteSpace(name) || name.AsSpan().IndexOfAny(CharactersPartitionsUse) >= 0)
        {
            throw new ArgumentException($"A node name must be non-empty and free of spaces and the characters , | {{ }} >; got \"{name}\".", nameof(name));
        }

        if (indexByName.ContainsKey(name))
        {
            throw new ArgumentException($"A node called \"{name}\" already exists; node names must be unique.", nameof(name));
        }

        var id = new NodeId(slots.Count, name);
        var slot = new NodeSlot(id, factory, new NodeClock(this));
        slots.Add(slot);
        indexByName.Add(name, id.Index);
        Network.Resize(slots.Count);
        foreach (var each in slots)
        {
            each.Peers = []; // every node has a new peer: each list is made again when next asked for
        }

        slot.Instance = Build(slot);
        Enqueue(NowTicks, new SimEvent(EventKind.Start, id.Index, -1, slot.Incarnation, 0, null));
        return id;
    }

    /// <summary>The live object of node <paramref name="node"/>, or null while it is crashed.</summary>
    /// <param name="node">The node.</param>
    public Node? InstanceOf(NodeId node) => Slot(node).Instance;

    /// <summary>The live object of the node called <paramref name="name"/>, as type <typeparamref name="T"/>.</summary>
    /// <param name="name">The node's name.</param>
    /// <exception cref="InvalidOperationException">The node is crashed, or is not a <typeparamref name="T"/>.</exception>
    public T InstanceOf<T>(string name) where T : Node
    {
        var slot = slots[Resolve(name, nameof(name)).Index];
        return slot.Instance as T
            ?? throw new InvalidOperationException($"Node {name} is {(slot.Instance is null ? "crashed" : $"a {slot.Instance.GetType().Name}, not a {typeof(T).Name}")}.");
    }

    /// <summary>Whether <paramref name="node"/> is up, paused or crashed.</summary>
    /// <param name="node">The node.</param>
    public NodeStatus StatusOf(NodeId node) => Slot(node).Status;

    /// <summary>The clock that <paramref name="node"/> reads.</summary>
    /// <param name="node">The node.</param>
    public NodeClock ClockOf(NodeId node) => Slot(node).Clock;

    /// <summary>What <paramref name="node"/> keeps across crashes.</summary>
    /// <param name="node">The node.</param>
    public DurableState DurableOf(NodeId node) => Slot(node).Durable;

    /// <summary>Every node but <paramref name="node"/>.</summary>
    /// <param name="node">The node.</param>
    public IReadOnlyList<NodeId> PeersOf(NodeId node) => PeerArray(node);

    /// <summary>Schedules <paramref name="action"/> to run at virtual time <paramref name="time"/>: a scripted step of a scenario.</summary>
    /// <param name="time">When; not before <see cref="Now"/>.</param>
    /// <param name="action">What to do; it may call any method of this simulation.</param>
    public void At(TimeSpan time, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Enqueue(CheckFuture(time, nameof(time)), new SimEvent(EventKind.Action, -1, -1, 0, 0, action));
    }

    /// <summary>Schedules <paramref name="fault"/> to happen at virtual time <paramref name="time"/>.</summary>
    /// <param name="time">When; not before <see cref="Now"/>.</param>
    /// <param name="fault">What goes wrong. It is checked now, so a bad node name fails here, not mid-run.</param>
    /// <exception cref="ArgumentException">The fault names a node this simulation does not have.</exception>
    public void At(TimeSpan time, Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        fault.Validate(this);
        Enqueue(CheckFuture(time, nameof(time)), new SimEvent(EventKind.Fault, -1, -1, 0, 0, fault));
    }

    /// <summary>
    /// Runs events in order until virtual time <paramref name="until"/>, until nothing is left to happen,
    /// or until <paramref name="maxSteps"/> events were handled, whichever comes first.
    /// Calling it again carries on from where it stopped.
    /// </summary>
    /// <param name="until">The virtual time to stop at; not before <see cref="Now"/>.</param>
    /// <param name="maxSteps">The most events to handle in this call; at least 1.</param>
    /// <exception cref="ArgumentException">The simulation has no nodes, or the limits are out of range.</exception>
    public RunResult Run(TimeSpan until, long maxSteps = DefaultMaxSteps)
    {
        if (slots.Count == 0)
        {
            throw new ArgumentException("A simulation needs at least one node to run; add nodes with AddNode first.", nameof(Nodes));
        }

        long untilTicks = CheckFuture(until, nameof(until));
        if (maxSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxSteps), maxSteps, "The step limit must be at least 1.");
        }

        if (running)
        {
            throw new InvalidOperationException("Run was called from inside a handler; schedule work with At or SetTimer instead.");
        }

        running = true;
        try
        {
            long steps = 0;
            while (queue.TryPeekTime(out long time))
            {
                if (time > untilTicks || steps >= maxSteps)
                {
                    Steps += steps;
                    if (steps >= maxSteps)
                    {
                        return new RunResult(StopReason.StepLimit, steps, Now);
                    }

                    NowTicks = untilTicks;
                    return new RunResult(StopReason.TimeLimit, steps, Now);
                }

                // The event is read where it waits in the queue, and its place freed once it has been handled.
                int place = queue.DequeuePlace(out _, out _);
                NowTicks = time;
                steps++;
                Dispatch(queue.At(place));
                queue.Release(place);
            }

            Steps += steps;
            NowTicks = untilTicks;
            return new RunResult(StopReason.QueueEmpty, steps, Now);
        }
        finally
        {
            running = false;
        }
    }

    /// <summary>Runs for <paramref name="duration"/> of virtual time from <see cref="Now"/>.</summary>
    /// <param name="duration">How long to run; zero or more.</param>
    public RunResult RunFor(TimeSpan duration) => Run(Now + CheckDuration(duration, nameof(duration)));

    /// <summary>Splits the network now into groups written like <c>"A,B | C,D"</c>. Replaces any earlier partition or cut.</summary>
    /// <param name="groups">The groups; every name must be a node of this simulation.</param>
    /// <exception cref="ArgumentException">The text is malformed or names an unknown node.</exception>
    public void Partition(string groups) => Partition(SplitBrain.Partition.Parse(groups));

    /// <summary>Splits the network now into the groups of <paramref name="partition"/>. Replaces any earlier partition or cut.</summary>
    /// <param name="partition">The groups; every name must be a node of this simulation.</param>
    /// <exception cref="ArgumentException">The partition names an unknown node.</exception>
    public void Partition(Partition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        var groups = ResolvePartition(partition, nameof(partition));
        Network.HealAll();
        for (int g = 0; g < groups.Length; g++)
        {
            for (int h = 0; h < groups.Length; h++)
            {
                if (g == h)
                {
                    continue;
                }

                foreach (var from in groups[g])
                {
                    foreach (var to in groups[h])
                    {
                        Network.SetBlocked(from.Index, to.Index, true);
                    }
                }
            }
        }

        Record(TraceKind.Partition, null, null, partition);
    }

    /// <summary>Cuts one direction of one link now: <paramref name="from"/> can no longer reach <paramref name="to"/>; the way back still works.</summary>
    /// <param name="from">The node whose messages are lost.</param>
    /// <param name="to">The node that stops hearing them.</param>
    /// <exception cref="ArgumentException">A name is unknown, or both name the same node.</exception>
    public void Cut(string from, string to)
    {
        var a = Resolve(from, nameof(from));
        var b = Resolve(to, nameof(to));
        if (a == b)
        {
            throw new ArgumentException($"A cut joins two different nodes; got {from} twice.", nameof(to));
        }

        Network.SetBlocked(a.Index, b.Index, true);
        Record(TraceKind.Cut, a, b, null);
    }

    /// <summary>Repairs every partition and cut now.</summary>
    public void Heal()
    {
        Network.HealAll();
        Record(TraceKind.Heal, null, null, null);
    }

    /// <summary>
    /// Freezes <paramref name="node"/> now for <paramref name="duration"/>. While frozen it handles nothing;
    /// then it resumes and handles what waited, unaware that time passed. Pausing a paused node extends the pause;
    /// pausing a crashed node does nothing.
    /// </summary>
    /// <param name="node">The node to freeze.</param>
    /// <param name="duration">How long; zero or more.</param>
    /// <exception cref="ArgumentException">The name is unknown or the duration negative.</exception>
    public void Pause(string node, TimeSpan duration)
    {
        var slot = slots[Resolve(node, nameof(node)).Index];
        long until = NowTicks + CheckDuration(duration, nameof(duration)).Ticks;
        if (slot.Status == NodeStatus.Down)
        {
            Record(TraceKind.Note, slot.Id, null, "pause ignored: node is down");
            return;
        }

        slot.Status = NodeStatus.Paused;
        slot.PausedUntil = Math.Max(slot.PausedUntil, until);
        Record(TraceKind.Pause, slot.Id, null, $"for {Fault.Seconds(duration)}");
        Enqueue(slot.PausedUntil, new SimEvent(EventKind.Resume, slot.Id.Index, -1, slot.Incarnation, 0, null));
    }

    /// <summary>Crashes <paramref name="node"/> now: its object and timers are gone, messages to it are dropped. Crashing a crashed node does nothing.</summary>
    /// <param name="node">The node to crash.</param>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public void Crash(string node)
    {
        var slot = slots[Resolve(node, nameof(node)).Index];
        if (slot.Status == NodeStatus.Down)
        {
            return;
        }

        slot.Status = NodeStatus.Down;
        slot.Incarnation++;
        slot.Instance = null;
        slot.Deferred.Clear();
        slot.PausedUntil = 0;
        Record(TraceKind.Crash, slot.Id, null, null);
    }

    /// <summary>Restarts a crashed <paramref name="node"/> now: a fresh object from its factory, its durable state intact. Restarting a running node does nothing.</summary>
    /// <param name="node">The node to restart.</param>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public void Restart(string node)
    {
        var slot = slots[Resolve(node, nameof(node)).Index];
        if (slot.Status != NodeStatus.Down)
        {
            return;
        }

        slot.Status = NodeStatus.Up;
        slot.Instance = Build(slot);
        Record(TraceKind.Restart, slot.Id, null, null);
        slot.Instance.OnStart();
    }

    /// <summary>Sets <paramref name="node"/>'s clock, from now on, to be <paramref name="offset"/> off true time and to run with <paramref name="drift"/>.</summary>
    /// <param name="node">The node whose clock changes.</param>
    /// <param name="offset">How far ahead (positive) or behind (negative) of true time.</param>
    /// <param name="drift">How fast it runs: 0 exact, 0.01 fast by 1%, -0.01 slow by 1%; greater than -1.</param>
    /// <exception cref="ArgumentException">The name is unknown or the drift is -1 or less.</exception>
    public void SetClock(string node, TimeSpan offset, double drift)
    {
        var slot = slots[Resolve(node, nameof(node)).Index];
        slot.Clock.Set(offset, CheckDrift(drift, nameof(drift)));
        Record(TraceKind.ClockChange, slot.Id, null, new ClockFault(node, offset, drift));
    }

    /// <summary>Adds a line to the trace at the current virtual time.</summary>
    /// <param name="kind">What happened.</param>
    /// <param name="node">Where it happened, if at a node.</param>
    /// <param name="peer">The other node involved, if any.</param>
    /// <param name="detail">The details, shown in the trace text.</param>
    public void Record(TraceKind kind, NodeId? node, NodeId? peer, object? detail)
    {
        if (node is { } n)
        {
            CheckOwn(n, nameof(node));
        }

        if (peer is { } p)
        {
            CheckOwn(p, nameof(peer));
        }

        Trace.Add(NowTicks, kind, node?.Index ?? -1, peer?.Index ?? -1, detail);
    }

    private void Record(TraceKind kind, int node, int peer, object? detail) => Trace.Add(NowTicks, kind, node, peer, detail);

    internal NodeId[] PeerArray(NodeId node)
    {
        var slot = Slot(node);
        if (slot.Peers.Length != slots.Count - 1)
        {
            var peers = new NodeId[slots.Count - 1];
            int next = 0;
            foreach (var other in slots)
            {
                if (other != slot)
                {
                    peers[next++] = other.Id;
                }
            }

            slot.Peers = peers;
        }

        return slot.Peers;
    }

    internal void Send(NodeId from, NodeId to, Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        CheckOwn(to, nameof(to));
        Record(TraceKind.Send, from.Index, to.Index, message);
        if (Network.IsBlocked(from.Index, to.Index) || Random.Chance(Network.LossRate))
        {
            Record(TraceKind.Drop, from.Index, to.Index, message);
            return;
        }

        Enqueue(NowTicks + Network.Delay.SampleTicks(Random), new SimEvent(EventKind.Deliver, to.Index, from.Index, 0, 0, message));
        if (Random.Chance(Network.DuplicationRate))
        {
            Record(TraceKind.Duplicate, from.Index, to.Index, message);
            Enqueue(NowTicks + Network.Delay.SampleTicks(Random), new SimEvent(EventKind.Deliver, to.Index, from.Index, 0, 0, message));
        }
    }

    internal TimerId SetTimer(NodeSlot slot, TimeSpan delay, object tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        long localTicks = CheckDuration(delay, nameof(delay)).Ticks;
        long id = sequence; // a timer's id is the sequence number it is queued with
        Enqueue(NowTicks + slot.Clock.TrueTicksFor(localTicks), new SimEvent(EventKind.Timer, slot.Id.Index, -1, slot.Incarnation, id, tag));
        return new TimerId(id);
    }

    internal void CancelTimer(NodeSlot slot, TimerId timer)
    {
        if (!queue.RemoveTimer(timer.Value))
        {
            BlankDeferredTimer(slot, timer);
        }
    }

    /// <summary>A timer that fired while its node was paused waits in the node's deferred list until the resume: blank it out there.</summary>
    private static void BlankDeferredTimer(NodeSlot slot, TimerId timer)
    {
        var deferred = slot.Deferred;
        for (int i = 0; i < deferred.Count; i++)
        {
            if (deferred[i].Kind == EventKind.Timer && deferred[i].TimerId == timer.Value)
            {
                deferred[i] = default;
            }
        }
    }

    /// <summary>Finds a node by name, or throws an error that lists the names there are.</summary>
    internal NodeId Resolve(string name, string parameter)
    {
        if (name is not null && indexByName.TryGetValue(name, out int index))
        {
            return slots[index].Id;
        }

        throw new ArgumentException($"Unknown node \"{name}\"; the nodes are {string.Join(", ", slots.Select(s => s.Id.Name))}.", parameter);
    }

    /// <summary>Turns a partition's names into node ids, or throws naming the unknown node.</summary>
    internal NodeId[][] ResolvePartition(Partition partition, string parameter)
    {
        var groups = new NodeId[partition.Groups.Count][];
        for (int g = 0; g < groups.Length; g++)
        {
            var names = partition.Groups[g];
            groups[g] = new NodeId[names.Count];
            for (int i = 0; i < names.Count; i++)
            {
                groups[g][i] = Resolve(names[i], parameter);
            }
        }

        return groups;
    }

    internal static TimeSpan CheckDuration(TimeSpan duration, string parameter)
    {
        if (duration < TimeSpan.Zero)
        {
            ThrowNegativeDuration(duration, parameter);
        }

        return duration;
    }

    /// <summary>Throws for a negative duration; kept apart so that <see cref="CheckDuration"/> stays small enough to inline.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowNegativeDuration(TimeSpan duration, string parameter) =>
        throw new ArgumentOutOfRangeException(parameter, duration, "A duration must be zero or more.");

    internal static double CheckDrift(double drift, string parameter) =>
        drift > -1 && double.IsFinite(drift)
            ? drift
            : throw new ArgumentOutOfRangeException(parameter, drift, "A clock drift must be a finite number greater than -1 (a clock cannot stop or run backwards).");

    private void Dispatch(in SimEvent next)
    {
        switch (next.Kind)
        {
            case EventKind.Deliver:
                Deliver(next);
                break;
            case EventKind.Timer:
                FireTimer(next);
                break;
            case EventKind.Start:
                var starting = slots[next.Node];
                if (starting.Incarnation == next.Incarnation && starting.Status != NodeStatus.Down)
                {
                    starting.Instance!.OnStart();
                }

                break;
            case EventKind.Resume:
                Resume(next);
                break;
            case EventKind.Action:
                ((Action)next.Payload!).Invoke();
                break;
            case EventKind.Fault:
                ((Fault)next.Payload!).Apply(this);
                break;
        }
    }

    private void Deliver(in SimEvent next)
    {
        var slot = slots[next.Node];
        var message = (Message)next.Payload!;
        if (Network.IsBlocked(next.From, next.Node) || slot.Status == NodeStatus.Down)
        {
            Record(TraceKind.Drop, next.From, next.Node, message);
            return;
        }

        if (slot.Status == NodeStatus.Paused)
        {
            slot.Deferred.Add(next);
            return;
        }

        Record(TraceKind.Deliver, next.From, next.Node, message);
        slot.Instance!.OnMessage(message, slots[next.From].Id);
    }

    private void FireTimer(in SimEvent next)
    {
        var slot = slots[next.Node];
        if (slot.Incarnation != next.Incarnation || slot.Status == NodeStatus.Down)
        {
            return;
        }

        if (slot.Status == NodeStatus.Paused)
        {
            slot.Deferred.Add(next);
            return;
        }

        Record(TraceKind.Timer, next.Node, -1, next.Payload);
        slot.Instance!.OnTimer(next.Payload!);
    }

    private void Resume(in SimEvent next)
    {
        var slot = slots[next.Node];
        if (slot.Incarnation != next.Incarnation || slot.Status != NodeStatus.Paused || NowTicks < slot.PausedUntil)
        {
            return;
        }

        slot.Status = NodeStatus.Up;
        slot.PausedUntil = 0;
        Record(TraceKind.Resume, slot.Id, null, null);

        // What waited is handled now, in the order it arrived, as if no time had passed. If a handler
        // pauses or crashes this node again, the rest is dropped; what a new pause holds back stays.
        var deferred = slot.Deferred;
        int waiting = deferred.Count;
        for (int i = 0; i < waiting; i++)
        {
            if (slot.Status != NodeStatus.Up || slot.Incarnation != next.Incarnation)
            {
                break;
            }

            var held = deferred[i];
            if (held.Payload is null)
            {
                continue; // a timer cancelled while it waited
            }

            if (held.Kind == EventKind.Deliver)
            {
                var from = slots[held.From].Id;
                if (Network.IsBlocked(held.From, held.Node))
                {
                    Record(TraceKind.Drop, from, slot.Id, held.Payload);
                    continue;
                }

                Record(TraceKind.Deliver, from, slot.Id, held.Payload);
                slot.Instance!.OnMessage((Message)held.Payload, from);
            }
            else
            {
                Record(TraceKind.Timer, slot.Id, null, held.Payload);
                slot.Instance!.OnTimer(held.Payload);
            }
        }

        deferred.RemoveRange(0, Math.Min(waiting, deferred.Count));
    }

    private Node Build(NodeSlot slot)
    {
        var node = slot.Factory() ?? throw new InvalidOperationException($"The factory of node {slot.Id} returned null.");
        node.Attach(this, slot);
        return node;
    }

    private NodeSlot Slot(NodeId node)
    {
        CheckOwn(node, nameof(node));
        return slots[node.Index];
    }

    private void CheckOwn(NodeId node, string parameter)
    {
        if ((uint)node.Index >= (uint)slots.Count || !ReferenceEquals(slots[node.Index].Id.Name, node.Name) && slots[node.Index].Id.Name != node.Name)
        {
            throw new ArgumentException($"Node {node} does not belong to this simulation; the nodes are {string.Join(", ", slots.Select(s => s.Id.Name))}.", parameter);
        }
    }

    private long CheckFuture(TimeSpan time, string parameter) =>
        time >= Now
            ? time.Ticks
            : throw new ArgumentOutOfRangeException(parameter, time, $"The time must not be before now ({TraceEntry.FormatTime(Now)}).");

    private void Enqueue(long time, in SimEvent item) => queue.Enqueue(time, sequence++, item);
}
