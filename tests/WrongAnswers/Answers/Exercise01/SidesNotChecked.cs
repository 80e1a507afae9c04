// Mistake: WritableSides does not check its sides, so a negative side is blamed on another parameter
// Caught by: the lesson expects it to name 'sides'
namespace Course.Exercises;

/// <summary>A wrong answer to exercise 1, as a learner might write it (see the Mistake line above).</summary>
public static class QuorumMath
{
    /// <summary>How many nodes form a majority of a cluster of <paramref name="clusterSize"/> nodes.</summary>
    /// <param name="clusterSize">The number of nodes in the cluster; 1 or more.</param>
    public static int Majority(int clusterSize)
    {
        CheckCluster(clusterSize, nameof(clusterSize));
        return clusterSize / 2 + 1;
    }

    /// <summary>How many nodes can fail while the rest still form a majority.</summary>
    /// <param name="clusterSize">The number of nodes in the cluster; 1 or more.</param>
    public static int FailuresTolerated(int clusterSize) => clusterSize - Majority(clusterSize);

    /// <summary>Whether a side of <paramref name="sideSize"/> reachable nodes may elect a leader and write.</summary>
    /// <param name="sideSize">The nodes on this side of the partition; 0 to <paramref name="clusterSize"/>.</param>
    /// <param name="clusterSize">The number of nodes in the whole cluster; 1 or more.</param>
    public static bool CanWrite(int sideSize, int clusterSize)
    {
        CheckCluster(clusterSize, nameof(clusterSize));
        if (sideSize < 0 || sideSize > clusterSize)
        {
            throw new ArgumentOutOfRangeException(nameof(sideSize), sideSize, $"A side holds 0 to {clusterSize} nodes of a {clusterSize}-node cluster.");
        }

        return sideSize >= Majority(clusterSize);
    }

    /// <summary>The indexes (in order) of the sides of a partition that may write.</summary>
    /// <param name="sides">The size of each side; each 0 or more, adding up to 1 or more.</param>
    public static IReadOnlyList<int> WritableSides(IReadOnlyList<int> sides)
    {
        ArgumentNullException.ThrowIfNull(sides);
        int cluster = sides.Sum();
        CheckCluster(cluster, nameof(sides));
        var writable = new List<int>();
        for (int i = 0; i < sides.Count; i++)
        {
            if (CanWrite(sides[i], cluster))
            {
                writable.Add(i);
            }
        }

        return writable;
    }

    private static void CheckCluster(int clusterSize, string name)
    {
        if (clusterSize < 1)
        {
            throw new ArgumentOutOfRangeException(name, clusterSize, "A cluster has 1 node or more.");
        }
    }
}
