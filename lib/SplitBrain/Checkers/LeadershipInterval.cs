namespace SplitBrain;

/// <summary>A stretch of time in which one node believed it led one term.</summary>
/// <param name="Node">The node that believed it was leader.</param>
/// <param name="Term">The term it led (a lease holder's fencing token, for the lease scenarios).</param>
/// <param name="From">When it won the election.</param>
/// <param name="Until">When it stepped down, crashed, or the run ended.</param>
/// <param name="Ended">How it ended: <c>"stepped down"</c>, <c>"crashed"</c>, <c>"run ended"</c>, or a new term.</param>
public sealed record LeadershipInterval(NodeId Node, Term Term, TimeSpan From, TimeSpan Until, string Ended)
{
    /// <summary>How long the node led.</summary>
    public TimeSpan Length => Until - From;
}
