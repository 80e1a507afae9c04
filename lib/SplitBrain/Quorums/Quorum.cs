namespace SplitBrain;

/// <summary>
/// How many of a cluster's nodes must agree before anything happens: before a leader is elected,
/// before a leader may keep leading. The safe size is a majority, more than half: two majorities of the
/// same cluster always share a node, so two sides of a partition can never both have one.
/// </summary>
/// <remarks>
/// A quorum smaller than a majority (2 of 4, 1 of 2) is allowed here on purpose: it is the
/// misconfiguration that lets both sides of a split elect a leader.
/// </remarks>
public readonly record struct Quorum
{
    /// <summary>A quorum of <paramref name="size"/> votes out of <paramref name="clusterSize"/> nodes.</summary>
    /// <param name="size">Votes needed; from 1 to <paramref name="clusterSize"/>.</param>
    /// <param name="clusterSize">Nodes in the cluster; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range.</exception>
    public Quorum(int size, int clusterSize)
    {
        if (clusterSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(clusterSize), clusterSize, "A cluster has at least 1 node.");
        }

        if (size < 1 || size > clusterSize)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"A quorum needs between 1 and {clusterSize} votes in a cluster of {clusterSize}.");
        }

        Size = size;
        ClusterSize = clusterSize;
    }

    /// <summary>Votes needed.</summary>
    public int Size { get; }

    /// <summary>Nodes in the cluster.</summary>
    public int ClusterSize { get; }

    /// <summary>Whether this is at least a majority, so that two disjoint groups can never both reach it.</summary>
    public bool IsMajority => 2 * Size > ClusterSize;

    /// <summary>
    /// How many nodes can fail (crash, or be cut off) while the rest can still reach a quorum:
    /// 1 for 3 nodes, 1 for 4 nodes, 2 for 5 nodes.
    /// </summary>
    public int FailuresTolerated => ClusterSize - Size;

    /// <summary>The majority quorum of a cluster: 2 of 3, 3 of 4, 3 of 5.</summary>
    /// <param name="clusterSize">Nodes in the cluster; at least 1.</param>
    public static Quorum Majority(int clusterSize) => new((clusterSize / 2) + 1, clusterSize);

    /// <summary>Whether a group of <paramref name="groupSize"/> nodes that can talk to each other reaches this quorum.</summary>
    /// <param name="groupSize">Nodes in the group; from 0 to the cluster size.</param>
    public bool CanAct(int groupSize)
    {
        if (groupSize < 0 || groupSize > ClusterSize)
        {
            throw new ArgumentOutOfRangeException(nameof(groupSize), groupSize, $"A group holds between 0 and {ClusterSize} nodes.");
        }

        return groupSize >= Size;
    }

    /// <summary>
    /// For each side of a split of the cluster into groups of the given sizes, whether that side can elect a
    /// leader and write. With a majority at most one side can; with a smaller quorum several may.
    /// </summary>
    /// <param name="sideSizes">The sizes of the sides, adding up to the cluster size, like <c>[2, 2]</c>.</param>
    /// <exception cref="ArgumentException">The sizes do not add up to the cluster size.</exception>
    public bool[] SidesThatCanAct(params int[] sideSizes)
    {
        ArgumentNullException.ThrowIfNull(sideSizes);
        if (sideSizes.Sum() != ClusterSize || sideSizes.Any(s => s < 0))
        {
            throw new ArgumentException($"The sides must be sizes of 0 or more adding up to the cluster size {ClusterSize}; got [{string.Join(", ", sideSizes)}].", nameof(sideSizes));
        }

        var result = new bool[sideSizes.Length];
        for (int i = 0; i < sideSizes.Length; i++)
        {
            result[i] = CanAct(sideSizes[i]);
        }

        return result;
    }

    /// <summary>Reads like <c>3 of 5</c>.</summary>
    public override string ToString() => $"{Size} of {ClusterSize}";
}
