namespace SplitBrain;

/// <summary>An EDN keyword such as <c>:timed-out</c>, kept apart from strings so that it is written back the same way.</summary>
/// <param name="Name">The name without its colon, like <c>timed-out</c>.</param>
public sealed record Keyword(string Name)
{
    /// <summary>Reads like <c>:timed-out</c>.</summary>
    public override string ToString() => ":" + Name;
}
