namespace SplitBrain.Tests.Support;

/// <summary>A message that carries a number, for tests.</summary>
public sealed record Ping(int Number) : Message;

/// <summary>A reply to a <see cref="Ping"/>.</summary>
public sealed record Pong(int Number) : Message;

/// <summary>The tag of the gossip timer.</summary>
public sealed record Tick;

/// <summary>
/// A node that, every <see cref="Interval"/> of its local time, pings one peer chosen at random and answers
/// every ping with a pong. It logs what it handled, with the true time, so tests can check the kernel.
/// </summary>
public sealed class GossipNode : Node
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private static readonly Tick TickTag = new();
    private int sent;

    public List<(TimeSpan Time, Message Message, NodeId From)> Received { get; } = [];

    public int Ticks { get; private set; }

    public override void OnStart() => SetTimer(Interval, TickTag);

    public override void OnMessage(Message message, NodeId from)
    {
        Received.Add((Simulation.Now, message, from));
        if (message is Ping ping)
        {
            Send(from, new Pong(ping.Number));
        }
    }

    public override void OnTimer(object tag)
    {
        Ticks++;
        if (Peers.Count > 0)
        {
            Send(Peers[Random.Next(Peers.Count)], new Ping(++sent));
        }

        SetTimer(Interval, TickTag);
    }
}

/// <summary>A node that does nothing by itself; tests drive it through its public methods.</summary>
public sealed class PuppetNode : Node
{
    public List<(TimeSpan Time, Message Message, NodeId From)> Received { get; } = [];

    public List<(TimeSpan Time, object Tag)> Fired { get; } = [];

    public int Starts { get; private set; }

    public override void OnStart()
    {
        Starts++;
        Durable.Set("starts", Durable.Get("starts", 0) + 1);
    }

    public override void OnMessage(Message message, NodeId from) => Received.Add((Simulation.Now, message, from));

    public override void OnTimer(object tag) => Fired.Add((Simulation.Now, tag));

    public void SendTo(NodeId to, Message message) => Send(to, message);

    public TimerId Timer(TimeSpan delay, object tag) => SetTimer(delay, tag);

    public void Cancel(TimerId timer) => CancelTimer(timer);

    public DurableState Disk => Durable;
}

/// <summary>Small verbs that make tests read like the lessons.</summary>
public static class Sim
{
    public static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    public static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    /// <summary>A simulation of gossip nodes named A, B, C, ...</summary>
    public static Simulation Gossip(long seed, int nodes)
    {
        var sim = new Simulation(seed);
        for (int i = 0; i < nodes; i++)
        {
            sim.AddNode(((char)('A' + i)).ToString(), () => new GossipNode());
        }

        return sim;
    }

    /// <summary>A simulation of puppet nodes with the given names and a fixed 5 ms delay.</summary>
    public static Simulation Puppets(params string[] names)
    {
        var sim = new Simulation(1);
        sim.Network.Delay = DelayDistribution.Fixed(Ms(5));
        foreach (var name in names)
        {
            sim.AddNode(name, () => new PuppetNode());
        }

        return sim;
    }

    public static PuppetNode Puppet(this Simulation sim, string name) => sim.InstanceOf<PuppetNode>(name);
}

/// <summary>A node that sets one timer at start and cancels it when any message arrives.</summary>
public sealed class CancelOnMessageNode : Node
{
    private TimerId? timer;

    public List<object> Fired { get; } = [];

    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);

    public override void OnStart() => timer = SetTimer(Delay, "alarm");

    public override void OnMessage(Message message, NodeId from)
    {
        if (timer is { } set)
        {
            CancelTimer(set);
        }
    }

    public override void OnTimer(object tag) => Fired.Add(tag);
}
