namespace SplitBrain;

/// <summary>
/// A split of the network into groups that cannot reach each other, written as the lessons write it:
/// <c>"A,B | C,D"</c> is two groups of two. Nodes inside a group still talk; messages between groups are lost.
/// A node named in no group keeps all its links (a client that can see both sides, say).
/// </summary>
public sealed class Partition
{
    private Partition(IReadOnlyList<IReadOnlyList<string>> groups) => Groups = groups;

    /// <summary>The groups, in the order written, each a list of node names.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    /// <summary>
    /// Reads a partition such as <c>"A,B | C,D"</c> or <c>"{A} | {B,C}"</c>: groups separated by <c>|</c>,
    /// names separated by commas, braces and spaces optional.
    /// </summary>
    /// <param name="groups">The text to read: at least two non-empty groups, no name twice.</param>
    /// <exception cref="ArgumentException">The text has fewer than two groups, an empty group, or a name twice.</exception>
    public static Partition Parse(string groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var parts = groups.Split('|');
        if (parts.Length < 2)
        {
            throw new ArgumentException($"A partition needs at least two groups separated by '|', like \"A,B | C,D\"; got \"{groups}\".", nameof(groups));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<IReadOnlyList<string>>();
        foreach (var part in parts)
        {
            var names = part.Trim().Trim('{', '}')
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (names.Length == 0)
            {
                throw new ArgumentException($"Every group of a partition must name at least one node; \"{groups}\" has an empty group.", nameof(groups));
            }

            foreach (var name in names)
            {
                if (!seen.Add(name))
                {
                    throw new ArgumentException($"Node '{name}' is named twice in the partition \"{groups}\"; each node may stand in one group only.", nameof(groups));
                }
            }

            result.Add(names);
        }

        return new Partition(result);
    }

    /// <summary>The partition in the form <c>{A,B} | {C,D}</c>.</summary>
    public override string ToString() => string.Join(" | ", Groups.Select(g => "{" + string.Join(",", g) + "}"));
}
