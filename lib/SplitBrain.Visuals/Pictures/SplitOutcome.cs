namespace SplitBrain.Visuals;

/// <summary>One way a cluster can be split, and which of its sides can still write.</summary>
/// <param name="ClusterSize">How many nodes the cluster has.</param>
/// <param name="Sides">The size of each side, largest first, such as [2, 2].</param>
/// <param name="CanWrite">For each side, whether it holds a quorum and so can elect a leader and write.</param>
/// <param name="QuorumSize">How many votes a quorum needs.</param>
public sealed record SplitOutcome(int ClusterSize, IReadOnlyList<int> Sides, IReadOnlyList<bool> CanWrite, int QuorumSize)
{
    /// <summary>The split as the lessons write it, such as <c>2-2</c> or <c>3-1-1</c>.</summary>
    public string Shape => string.Join("-", Sides);

    /// <summary>How many sides can write: 0 (nobody: safe but down), 1 (safe and up), 2 or more (split brain).</summary>
    public int Writers => CanWrite.Count(w => w);

    /// <summary>Every split of a cluster of <paramref name="clusterSize"/> into two or more sides, and which can write.</summary>
    /// <param name="clusterSize">How many nodes; 2 or more.</param>
    /// <param name="quorumSize">How many votes a quorum needs, from 1 to <paramref name="clusterSize"/>.</param>
    public static IReadOnlyList<SplitOutcome> AllSplits(int clusterSize, int quorumSize)
    {
        if (clusterSize < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(clusterSize), clusterSize, "A split needs at least 2 nodes.");
        }

        if (quorumSize < 1 || quorumSize > clusterSize)
        {
            throw new ArgumentOutOfRangeException(nameof(quorumSize), quorumSize, $"A quorum needs between 1 and {clusterSize} votes in a cluster of {clusterSize}.");
        }

        return Partitions(clusterSize, clusterSize)
            .Where(p => p.Count >= 2)
            .Select(p => new SplitOutcome(clusterSize, p, p.Select(side => side >= quorumSize).ToArray(), quorumSize))
            .ToArray();
    }

    /// <summary>For example <c>2-2 of 4, quorum 3: no side can write</c>.</summary>
    public override string ToString() => $"{Shape} of {ClusterSize}, quorum {QuorumSize}: " + Writers switch
    {
        0 => "no side can write",
        1 => "one side can write",
        _ => $"{Writers} sides can write (split brain)",
    };

    /// <summary>The ways to write <paramref name="n"/> as a sum of parts no larger than <paramref name="largest"/>, largest part first.</summary>
    private static IEnumerable<IReadOnlyList<int>> Partitions(int n, int largest)
    {
        if (n == 0)
        {
            yield return [];
            yield break;
        }

        for (int first = Math.Min(n, largest); first >= 1; first--)
        {
            foreach (var rest in Partitions(n - first, first))
            {
                yield return [first, .. rest];
            }
        }
    }
}
