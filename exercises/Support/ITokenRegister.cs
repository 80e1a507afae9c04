namespace Course.Exercises;

/// <summary>
/// A shared number that many requests read and change at once (exercise 7), like a row in a database or a
/// key in etcd. It offers a plain read and write, and an atomic compare-and-swap.
/// </summary>
public interface ITokenRegister
{
    /// <summary>The current value.</summary>
    long Read();

    /// <summary>Overwrites the value, whatever it is now.</summary>
    /// <param name="value">The new value.</param>
    void Write(long value);

    /// <summary>Sets the value to <paramref name="replacement"/> only if it is still <paramref name="expected"/>; atomic.</summary>
    /// <param name="expected">The value the caller read.</param>
    /// <param name="replacement">The value to store.</param>
    /// <returns>True if the value was <paramref name="expected"/> and is now <paramref name="replacement"/>; false if someone changed it first.</returns>
    bool CompareAndSwap(long expected, long replacement);
}
