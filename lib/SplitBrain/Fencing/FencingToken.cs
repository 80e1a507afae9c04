namespace SplitBrain;

/// <summary>
/// A fencing token: a number that the lock service (or the election) hands out in strictly increasing
/// order, one per grant of leadership. Every write carries one. Storage remembers the highest it has
/// accepted and refuses anything lower, because a lower token comes from a leader that has been replaced.
/// </summary>
/// <param name="Value">The token number, like a ZooKeeper zxid or an etcd revision.</param>
public readonly record struct FencingToken(long Value) : IComparable<FencingToken>
{
    /// <inheritdoc />
    public int CompareTo(FencingToken other) => Value.CompareTo(other.Value);

    /// <summary>Whether <paramref name="left"/> was issued before <paramref name="right"/>.</summary>
    public static bool operator <(FencingToken left, FencingToken right) => left.Value < right.Value;

    /// <summary>Whether <paramref name="left"/> was issued after <paramref name="right"/>.</summary>
    public static bool operator >(FencingToken left, FencingToken right) => left.Value > right.Value;

    /// <summary>Whether <paramref name="left"/> was not issued after <paramref name="right"/>.</summary>
    public static bool operator <=(FencingToken left, FencingToken right) => left.Value <= right.Value;

    /// <summary>Whether <paramref name="left"/> was not issued before <paramref name="right"/>.</summary>
    public static bool operator >=(FencingToken left, FencingToken right) => left.Value >= right.Value;

    /// <summary>Reads as the lessons write it: <c>token 33</c>.</summary>
    public override string ToString() => $"token {Value}";
}
