namespace SplitBrain;

/// <summary>
/// An election term (an epoch, a generation): a number that goes up by one at every election.
/// At most one leader wins a term, and a node that sees a higher term than its own steps down.
/// Because terms only grow, a leader's term is also its fencing token.
/// </summary>
/// <param name="Value">The term number; 0 before any election.</param>
public readonly record struct Term(long Value) : IComparable<Term>
{
    /// <summary>The term after this one.</summary>
    public Term Next => new(Value + 1);

    /// <summary>The fencing token a leader of this term stamps on its writes.</summary>
    public FencingToken AsToken => new(Value);

    /// <inheritdoc />
    public int CompareTo(Term other) => Value.CompareTo(other.Value);

    /// <summary>Whether <paramref name="left"/> is an earlier term than <paramref name="right"/>.</summary>
    public static bool operator <(Term left, Term right) => left.Value < right.Value;

    /// <summary>Whether <paramref name="left"/> is a later term than <paramref name="right"/>.</summary>
    public static bool operator >(Term left, Term right) => left.Value > right.Value;

    /// <summary>Whether <paramref name="left"/> is not later than <paramref name="right"/>.</summary>
    public static bool operator <=(Term left, Term right) => left.Value <= right.Value;

    /// <summary>Whether <paramref name="left"/> is not earlier than <paramref name="right"/>.</summary>
    public static bool operator >=(Term left, Term right) => left.Value >= right.Value;

    /// <summary>Reads as the lessons write it: <c>term 3</c>.</summary>
    public override string ToString() => $"term {Value}";
}
