namespace Course.Exercises;

/// <summary>A voter's answer to a candidate (exercise 5).</summary>
/// <param name="Term">The voter's current term after handling the request, so a stale candidate learns it is behind.</param>
/// <param name="Granted">Whether the voter gave its vote to the candidate.</param>
public sealed record VoteReply(Term Term, bool Granted);
