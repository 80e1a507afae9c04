namespace SplitBrain;

/// <summary>
/// Why a history is not linearizable, in the lesson's terms: the longest order the search could build, the
/// operation it then could not place, what that operation was told, and what the model allowed instead.
/// </summary>
public sealed record LinearizabilityFailure
{
    /// <summary>The part of the history that fails, like <c>key "7"</c>; null when the history is one part.</summary>
    public string? Part { get; init; }

    /// <summary>The longest linearizable prefix the search found: operations in the order a single copy could have applied them.</summary>
    public required IReadOnlyList<Operation> Prefix { get; init; }

    /// <summary>The operation that cannot be placed after <see cref="Prefix"/>: it completed before any legal order could include it.</summary>
    public required Operation Stuck { get; init; }

    /// <summary>The stuck operation in words, with what it returned.</summary>
    public required string Returned { get; init; }

    /// <summary>The model's state after the prefix, in words.</summary>
    public required string State { get; init; }

    /// <summary>What the model allowed the stuck operation to be told in that state.</summary>
    public required string Allowed { get; init; }

    /// <summary>The prefix, one operation per line, in words.</summary>
    public required IReadOnlyList<string> PrefixInWords { get; init; }

    /// <summary>How many operations of a long prefix <see cref="ToString"/> shows: the last ones, just before the one that cannot be placed.</summary>
    public const int Shown = 10;

    /// <summary>The explanation for a learner, several lines; of a long prefix, only its last <see cref="Shown"/> operations.</summary>
    public override string ToString()
    {
        var lines = new List<string>();
        lines.Add(Part is null ? $"The longest order a single copy could follow ({Prefix.Count} operations):" : $"In {Part}, the longest order a single copy could follow ({Prefix.Count} operations):");
        int first = Math.Max(0, PrefixInWords.Count - Shown);
        if (first > 0)
        {
            lines.Add($"  … the first {first} operations, then:");
        }

        for (int i = first; i < PrefixInWords.Count; i++)
        {
            lines.Add($"  {i + 1}. {PrefixInWords[i]}");
        }

        lines.Add($"Then {State}, and the next operation cannot be placed: {Returned}.");
        lines.Add($"The model allows: {Allowed}.");
        return string.Join(Environment.NewLine, lines);
    }
}
