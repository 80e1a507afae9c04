namespace SplitBrain;

/// <summary>
/// The network between the nodes of a <see cref="Simulation"/>: how long messages take, how many are
/// lost or duplicated, and which links are cut.
/// </summary>
/// <remarks>
/// <para>The fault model, in full:</para>
/// <list type="bullet">
/// <item>Every message draws a delay from <see cref="Delay"/>; messages may arrive out of order.</item>
/// <item>A message is lost with probability <see cref="LossRate"/> and delivered twice with probability <see cref="DuplicationRate"/>.</item>
/// <item>Links are one-way. A partition cuts both directions between its groups; a cut removes one direction only.</item>
/// <item>A cut link is checked twice: when the message is sent, and again when it would arrive.
/// A message in flight when a partition starts is lost; heal restores delivery for messages sent afterwards.</item>
/// <item>A paused node's inbox is judged when the node wakes: a message that waited for it across a link cut in the
/// meantime is lost. So no message is ever handled across a cut.</item>
/// </list>
/// <para>Partitions, cuts and heals are made through <see cref="Simulation.Partition(string)"/>,
/// <see cref="Simulation.Cut"/> and <see cref="Simulation.Heal"/>, so that each one is traced.</para>
/// </remarks>
public sealed class Network
{
    private bool[] blocked = [];
    private int size;
    private double lossRate;
    private double duplicationRate;

    internal Network()
    {
    }

    /// <summary>How long each message takes. Defaults to a delay drawn evenly from 1 to 10 ms.</summary>
    public DelayDistribution Delay { get; set; } = DelayDistribution.Uniform(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(10));

    /// <summary>The probability that a message is lost on the way, between 0 and 1. Defaults to 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1].</exception>
    public double LossRate
    {
        get => lossRate;
        set => lossRate = CheckProbability(value, nameof(LossRate), "loss rate");
    }

    /// <summary>The probability that a message is delivered twice, between 0 and 1. Defaults to 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1].</exception>
    public double DuplicationRate
    {
        get => duplicationRate;
        set => duplicationRate = CheckProbability(value, nameof(DuplicationRate), "duplication rate");
    }

    /// <summary>Whether a message sent now from <paramref name="from"/> to <paramref name="to"/> can get through the links.</summary>
    /// <param name="from">The sender.</param>
    /// <param name="to">The receiver.</param>
    public bool CanReach(NodeId from, NodeId to) => !blocked[(from.Index * size) + to.Index];

    /// <summary>Whether any link is cut at the moment.</summary>
    public bool IsSplit => Array.IndexOf(blocked, true) >= 0;

    internal void Resize(int nodeCount)
    {
        var grown = new bool[nodeCount * nodeCount];
        for (int from = 0; from < size; from++)
        {
            Array.Copy(blocked, from * size, grown, from * nodeCount, size);
        }

        blocked = grown;
        size = nodeCount;
    }

    internal bool IsBlocked(int from, int to) => blocked[(from * size) + to];

    internal void SetBlocked(int from, int to, bool value) => blocked[(from * size) + to] = value;

    internal void HealAll() => Array.Clear(blocked);

    private static double CheckProbability(double value, string parameter, string what)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(parameter, value, $"A {what} is a probability between 0 and 1.");
        }

        return value;
    }
}
