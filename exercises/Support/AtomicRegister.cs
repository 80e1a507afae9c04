namespace Course.Exercises;

/// <summary>An <see cref="ITokenRegister"/> in memory, safe to share between threads.</summary>
/// <param name="initial">The value it starts with.</param>
public sealed class AtomicRegister(long initial = 0) : ITokenRegister
{
    private long value = initial;

    /// <inheritdoc />
    public long Read() => Interlocked.Read(ref value);

    /// <inheritdoc />
    public void Write(long value) => Interlocked.Exchange(ref this.value, value);

    /// <inheritdoc />
    public bool CompareAndSwap(long expected, long replacement) =>
        Interlocked.CompareExchange(ref value, replacement, expected) == expected;
}
