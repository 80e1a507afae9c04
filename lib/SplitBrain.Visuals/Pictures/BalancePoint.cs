namespace SplitBrain.Visuals;

/// <summary>What one side of a partition believes the balance is, from a moment on.</summary>
/// <param name="Time">When the side came to believe it.</param>
/// <param name="Side">Whose belief: a node, or a side such as <c>"A,B"</c>.</param>
/// <param name="Balance">The balance in dollars.</param>
/// <param name="Why">What changed it, for the hover text, such as <c>"withdraw 60 accepted"</c>.</param>
public sealed record BalancePoint(TimeSpan Time, string Side, long Balance, string Why = "");
