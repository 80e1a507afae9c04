// Mistake: two nodes that share the highest token both stay primary
// Caught by: all step down
namespace Course.Exercises;

/// <summary>A wrong answer to exercise 9, as a learner might write it (see the Mistake line above).</summary>
public sealed class SplitBrainDetector
{
    private readonly Dictionary<string, FencingToken> claims = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="node"/> claims to be primary with <paramref name="token"/>.</summary>
    /// <param name="node">The claimant's name; not empty.</param>
    /// <param name="token">The token of its leadership.</param>
    public void Observe(string node, FencingToken token)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        claims[node] = token;
    }

    /// <summary>Whether two or more nodes claim to be primary.</summary>
    public bool SplitBrainSeen => claims.Count > 1;

    /// <summary>The claimants that must step down, in ordinal name order; empty if there is no split brain.</summary>
    public IReadOnlyList<string> MustStepDown()
    {
        if (claims.Count == 0)
        {
            return [];
        }

        var highest = claims.Values.Max();
        var holders = claims.Count(c => c.Value == highest);
        return claims.Where(c => c.Value < highest)
            .Select(c => c.Key)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
