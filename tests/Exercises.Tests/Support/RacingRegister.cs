namespace Course.Exercises.Graded;

/// <summary>
/// A register where another request sneaks in between this request's read and its write, the interleaving
/// that breaks read-then-write. Deterministic: the race happens every time, at the first read.
/// </summary>
internal sealed class RacingRegister(long initial) : ITokenRegister
{
    private long value = initial;
    private bool raced;
    private int failedSwaps;

    /// <summary>The most failed compare-and-swaps in a row before the code counts as stuck in a loop.</summary>
    public const int MaxFailedSwaps = 64;

    /// <summary>The other request, run right after the first read; set by the test.</summary>
    public Action? Competitor { get; set; }

    /// <summary>Whether the learner's code called Write (read-then-write).</summary>
    public bool WriteCalled { get; private set; }

    /// <inheritdoc />
    public long Read()
    {
        long read = value;
        if (!raced && Competitor is { } competitor)
        {
            raced = true;
            competitor();
        }

        return read;
    }

    /// <inheritdoc />
    public void Write(long value)
    {
        WriteCalled = true;
        this.value = value;
    }

    /// <inheritdoc />
    public bool CompareAndSwap(long expected, long replacement)
    {
        if (value != expected)
        {
            failedSwaps++;
            if (failedSwaps > MaxFailedSwaps)
            {
                Assert.Fail($"CompareAndSwap({expected}, {replacement}) failed {MaxFailedSwaps} times in a row while the register held {value}: the code retries with the value it read before the other request won. The lesson expects it to read the register again after a failed swap, then retry.");
            }

            return false;
        }

        failedSwaps = 0;

        value = replacement;
        return true;
    }
}
