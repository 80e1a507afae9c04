namespace SplitBrain;

/// <summary>A broken invariant found in a finished run: which one, in words with numbers, and the trace lines that broke it.</summary>
/// <param name="Invariant">The checker's id, like <c>no-overdraft</c>.</param>
/// <param name="Message">What happened, with times, nodes, tokens and amounts.</param>
/// <param name="Events">The trace lines involved, oldest first.</param>
public sealed record Violation(string Invariant, string Message, IReadOnlyList<TraceEntry> Events)
{
    /// <summary>Whether this is a break of <paramref name="invariant"/>, like <c>violation.Breaks(Checkers.NoOverdraft)</c>.</summary>
    /// <param name="invariant">One of the <see cref="Checkers"/>.</param>
    public bool Breaks(IChecker invariant)
    {
        ArgumentNullException.ThrowIfNull(invariant);
        return Invariant == invariant.Id;
    }

    /// <summary>Reads like <c>no-overdraft: paid out $120 from a $100 balance …</c>.</summary>
    public override string ToString() => $"{Invariant}: {Message}";
}
