namespace SplitBrain.Visuals;

/// <summary>What part of a run a space-time diagram shows.</summary>
public sealed record SpaceTimeOptions
{
    /// <summary>The most message arrows drawn, so a long run stays quick to draw. A note says how many were left out.</summary>
    public const int DefaultMaxMessages = 400;

    /// <summary>Show nothing before this virtual time. Null: from the start.</summary>
    public TimeSpan? From { get; init; }

    /// <summary>Show nothing after this virtual time. Null: to the end.</summary>
    public TimeSpan? Until { get; init; }

    /// <summary>The most message arrows to draw.</summary>
    public int MaxMessages { get; init; } = DefaultMaxMessages;

    /// <summary>
    /// Message types to leave out by name, to let the interesting ones stand out. Name them with <c>nameof</c>, like
    /// <c>Hide = [nameof(Heartbeat), nameof(HeartbeatAck)]</c>, so a misspelt type fails to compile instead of hiding nothing.
    /// </summary>
    public IReadOnlyCollection<string> Hide { get; init; } = [];

    /// <summary>The chart title. Null: a title that says what is drawn.</summary>
    public string? Title { get; init; }
}
