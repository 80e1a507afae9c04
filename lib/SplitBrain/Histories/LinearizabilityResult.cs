namespace SplitBrain;

/// <summary>The verdict of a linearizability check, with the order found (yes) or the explanation (no).</summary>
public sealed record LinearizabilityResult
{
    /// <summary>The model the history was checked against.</summary>
    public required string Model { get; init; }

    /// <summary>Yes, no, or unknown (the budget ran out).</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>True, false, or null for unknown.</summary>
    public bool? IsLinearizable => Verdict switch
    {
        Verdict.Linearizable => true,
        Verdict.NotLinearizable => false,
        _ => null,
    };

    /// <summary>How many operations the history has.</summary>
    public required int Operations { get; init; }

    /// <summary>How many independent parts the model split it into.</summary>
    public required int Parts { get; init; }

    /// <summary>Search steps taken: a deterministic measure of the work.</summary>
    public required long Steps { get; init; }

    /// <summary>For a yes: an order of the operations that matter, part after part, in which a single copy gives every answer the clients saw.</summary>
    public IReadOnlyList<Operation> Linearization { get; init; } = [];

    /// <summary>For a no: why.</summary>
    public LinearizabilityFailure? Failure { get; init; }

    /// <summary>For an unknown: which budget ran out.</summary>
    public string? UnknownReason { get; init; }

    /// <summary>Reads like <c>not linearizable (bank, 3 operations)</c> followed by the explanation.</summary>
    public override string ToString() => Verdict switch
    {
        Verdict.Linearizable => $"linearizable ({Model}, {Operations} operations)",
        Verdict.NotLinearizable => $"not linearizable ({Model}, {Operations} operations){Environment.NewLine}{Failure}",
        _ => $"unknown ({Model}, {Operations} operations): {UnknownReason}",
    };
}
