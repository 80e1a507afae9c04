namespace Course.Exercises.Graded;

/// <summary>A node's clock that moves only when a test moves it.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;

    /// <summary>Moves the clock forward by <paramref name="seconds"/>.</summary>
    public void Advance(double seconds) => now += TimeSpan.FromSeconds(seconds);
}
