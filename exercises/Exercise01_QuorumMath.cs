namespace Course.Exercises;

/// <summary>
/// <para><b>Exercise 1: quorum math.</b> Lesson: quorums and the 2-2 partition.</para>
/// <para><b>Task.</b> Count votes the way a cluster must so that two sides of a partition can never both
/// decide: the majority of a cluster, how many crashed nodes it survives, whether one side of a partition
/// may write, and which sides of a split may write at all.</para>
/// <para><b>Rules from the lesson.</b> A majority of <c>n</c> nodes is more than half of them: <c>n / 2 + 1</c>.
/// Two majorities of the same cluster always share a node, so two sides can never both have one. A cluster of
/// <c>n</c> survives <c>(n - 1) / 2</c> failed nodes: 3 nodes survive 1, and so do 4, which is why a fourth node
/// buys nothing and a 2-2 split leaves no side able to write. Sizes below 1, negative sides and sides larger
/// than the cluster are mistakes: throw <see cref="ArgumentOutOfRangeException"/> naming the parameter.</para>
/// <para><b>Hint.</b> Integer division rounds down: write it down for n = 1 to 6 before you code it.</para>
/// </summary>
public static class QuorumMath
{
    /// <summary>How many nodes form a majority of a cluster of <paramref name="clusterSize"/> nodes.</summary>
    /// <param name="clusterSize">The number of nodes in the cluster; 1 or more.</param>
    public static int Majority(int clusterSize) => throw new NotImplementedException();

    /// <summary>How many nodes can fail while the rest still form a majority.</summary>
    /// <param name="clusterSize">The number of nodes in the cluster; 1 or more.</param>
    public static int FailuresTolerated(int clusterSize) => throw new NotImplementedException();

    /// <summary>Whether a side of <paramref name="sideSize"/> reachable nodes may elect a leader and write.</summary>
    /// <param name="sideSize">The nodes on this side of the partition; 0 to <paramref name="clusterSize"/>.</param>
    /// <param name="clusterSize">The number of nodes in the whole cluster; 1 or more.</param>
    public static bool CanWrite(int sideSize, int clusterSize) => throw new NotImplementedException();

    /// <summary>
    /// The indexes (in order) of the sides of a partition that may write. The cluster is all the sides together:
    /// <c>[3, 2]</c> gives <c>[0]</c>; <c>[2, 2]</c> gives none.
    /// </summary>
    /// <param name="sides">The size of each side; each 0 or more, adding up to 1 or more.</param>
    public static IReadOnlyList<int> WritableSides(IReadOnlyList<int> sides) => throw new NotImplementedException();
}
