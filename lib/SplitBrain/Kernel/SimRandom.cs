namespace SplitBrain;

/// <summary>
/// The one source of chance in a simulation. Every message delay, every loss and every random timeout
/// is drawn from here, in the order the events happen, so one seed always gives one run.
/// </summary>
/// <remarks>
/// The generator is xoshiro256** seeded through SplitMix64, written out here rather than borrowed from
/// <see cref="System.Random"/>, so that the sequence for a seed is fixed by this file and not by the
/// version of .NET that runs it.
/// </remarks>
public sealed class SimRandom
{
    private ulong s0, s1, s2, s3;

    /// <summary>Starts the sequence that belongs to <paramref name="seed"/>.</summary>
    /// <param name="seed">Any number; equal seeds give equal sequences.</param>
    public SimRandom(long seed)
    {
        Seed = seed;
        ulong x = unchecked((ulong)seed);
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    /// <summary>The seed this sequence started from.</summary>
    public long Seed { get; }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A number in [0, 1), with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A whole number in [0, <paramref name="maxExclusive"/>).</summary>
    /// <param name="maxExclusive">One more than the largest allowed result; at least 1.</param>
    public long NextInt64(long maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            ThrowBadBound(maxExclusive, "The upper bound must be at least 1.");
        }

        // Lemire's multiply-shift: unbiased enough for a simulation and free of division.
        return (long)Math.BigMul(NextUInt64(), (ulong)maxExclusive, out _);
    }

    /// <summary>A whole number in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    /// <param name="minInclusive">The smallest allowed result.</param>
    /// <param name="maxExclusive">One more than the largest allowed result; greater than <paramref name="minInclusive"/>.</param>
    public long NextInt64(long minInclusive, long maxExclusive)
    {
        if (maxExclusive <= minInclusive)
        {
            ThrowBadRange(minInclusive, maxExclusive);
        }

        return minInclusive + NextInt64(maxExclusive - minInclusive);
    }

    /// <summary>A whole number in [0, <paramref name="maxExclusive"/>).</summary>
    /// <param name="maxExclusive">One more than the largest allowed result; at least 1.</param>
    public int Next(int maxExclusive) => (int)NextInt64(maxExclusive);

    /// <summary>True with probability <paramref name="probability"/>. Draws nothing when the probability is 0 or 1.</summary>
    /// <param name="probability">A probability between 0 and 1.</param>
    public bool Chance(double probability)
    {
        if (probability <= 0)
        {
            return false;
        }

        if (probability >= 1)
        {
            return true;
        }

        return NextDouble() < probability;
    }

    /// <summary>Throws for a bad upper bound; kept apart so that the drawing methods stay small enough to inline.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowBadBound(long maxExclusive, string why) =>
        throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, why);

    /// <summary>Throws for an empty range; kept apart, message and all, so that the drawing methods stay small enough to inline.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowBadRange(long minInclusive, long maxExclusive) =>
        throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, $"The upper bound must be greater than the lower bound {minInclusive}.");

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        ulong z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
