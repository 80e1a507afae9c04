namespace Course.Exercises;

/// <summary>What a promotion attempt ended with (exercise 8).</summary>
/// <param name="Promoted">Whether the candidate was promoted.</param>
/// <param name="Reason">Why, in words, for the operator: <c>old primary A confirmed off after 1 attempt</c>.</param>
public sealed record PromotionResult(bool Promoted, string Reason);
