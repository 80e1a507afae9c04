namespace Course.Exercises.Graded;

/// <summary>
/// A register where another request sneaks in between this request's read and its write, the interleaving
/// that breaks read-then-write. Deterministic: the race happens every time, at the first read.
/// </summary>
internal sealed class RacingRegister(long initial) : ITokenRegister
{
    private long value = initial;
    private bool raced;

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
            return false;
        }

        value = replacement;
        return true;
    }
}
