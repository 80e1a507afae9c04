namespace SplitBrain;

/// <summary>
/// How long the network takes to carry one message. Each message draws its own delay from the
/// simulation's random source, so messages can overtake each other when the range is wide.
/// </summary>
public abstract record DelayDistribution
{
    /// <summary>Every message takes exactly <paramref name="delay"/>.</summary>
    /// <param name="delay">The delay; zero or more.</param>
    public static DelayDistribution Fixed(TimeSpan delay)
    {
        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "A message delay must be zero or more.");
        }

        return new FixedDelay(delay);
    }

    /// <summary>Each message takes a delay drawn evenly from [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="min">The shortest delay; zero or more.</param>
    /// <param name="max">The longest delay; at least <paramref name="min"/>.</param>
    public static DelayDistribution Uniform(TimeSpan min, TimeSpan max)
    {
        if (min < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, "A message delay must be zero or more.");
        }

        if (max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"The longest delay must be at least the shortest, {min}.");
        }

        return new UniformDelay(min, max);
    }

    /// <summary>Draws one delay, in 100 ns ticks.</summary>
    /// <param name="random">The simulation's random source.</param>
    public abstract long SampleTicks(SimRandom random);

    private sealed record FixedDelay(TimeSpan Delay) : DelayDistribution
    {
        public override long SampleTicks(SimRandom random) => Delay.Ticks;

        public override string ToString() => $"fixed {Delay.TotalMilliseconds} ms";
    }

    private sealed record UniformDelay(TimeSpan Min, TimeSpan Max) : DelayDistribution
    {
        public override long SampleTicks(SimRandom random) =>
            Min.Ticks == Max.Ticks ? Min.Ticks : random.NextInt64(Min.Ticks, Max.Ticks + 1);

        public override string ToString() => $"uniform {Min.TotalMilliseconds}-{Max.TotalMilliseconds} ms";
    }
}
