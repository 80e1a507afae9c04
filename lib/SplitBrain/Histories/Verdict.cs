namespace SplitBrain;

/// <summary>What a linearizability check decided.</summary>
public enum Verdict
{
    /// <summary>Some order of the operations, each placed between its invocation and its completion, is legal for the model.</summary>
    Linearizable,

    /// <summary>No such order exists: no single copy could have told the clients what they were told.</summary>
    NotLinearizable,

    /// <summary>The budget ran out before the search decided.</summary>
    Unknown,
}
