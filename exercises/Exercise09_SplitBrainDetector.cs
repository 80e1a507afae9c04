namespace Course.Exercises;

/// <summary>
/// <para><b>Exercise 9: a split-brain detector.</b> Lesson: STONITH, detection and reconciliation.</para>
/// <para><b>Task.</b> A monitor collects claims: "node B is primary with token 34". When two nodes claim at once,
/// the cluster has split brain, and the detector tells who must step down.</para>
/// <para><b>Rules from the lesson.</b> A node's newer claim replaces its older one (a node is counted once). Split
/// brain is two or more nodes claiming at the same time. The claim with the highest token is the legitimate one:
/// every other claimant must step down. If the highest token is claimed by more than one node, nobody can tell
/// which is legitimate (tokens must be unique): all of those must step down too. With one claimant or none, nobody
/// steps down. An empty node name is a mistake: throw <see cref="ArgumentException"/>.</para>
/// <para><b>Hint.</b> A dictionary from node to token; find the highest, then count who holds it.</para>
/// </summary>
public sealed class SplitBrainDetector
{
    /// <summary>Records that <paramref name="node"/> claims to be primary with <paramref name="token"/>.</summary>
    /// <param name="node">The claimant's name; not empty.</param>
    /// <param name="token">The token of its leadership.</param>
    public void Observe(string node, FencingToken token) => throw new NotImplementedException();

    /// <summary>Whether two or more nodes claim to be primary.</summary>
    public bool SplitBrainSeen => throw new NotImplementedException();

    /// <summary>The claimants that must step down, in ordinal name order; empty if there is no split brain.</summary>
    public IReadOnlyList<string> MustStepDown() => throw new NotImplementedException();
}
