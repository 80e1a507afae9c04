namespace Course.Exercises;

/// <summary>
/// A tiny durable disk for exercise 3: named numbers that survive a restart of whatever uses them. One
/// <see cref="Write"/> or one <see cref="WriteBatch"/> is one write to the platter: a batch lands whole or not
/// at all. A test can cut the power after some writes (<see cref="CrashAfter"/>): the next write is lost and throws.
/// </summary>
public sealed class Disk
{
    private readonly Dictionary<string, long> values = new(StringComparer.Ordinal);
    private int? writesLeft;

    /// <summary>How many writes (single or batch) have landed.</summary>
    public int Writes { get; private set; }

    /// <summary>The number stored under <paramref name="key"/>, or null if none was ever written.</summary>
    /// <param name="key">The name of the number.</param>
    public long? Read(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return values.TryGetValue(key, out var value) ? value : null;
    }

    /// <summary>Stores one number: one write.</summary>
    /// <param name="key">The name of the number.</param>
    /// <param name="value">The number.</param>
    /// <exception cref="IOException">The power was cut: nothing was stored.</exception>
    public void Write(string key, long value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        WriteBatch(new Dictionary<string, long> { [key] = value });
    }

    /// <summary>Stores several numbers in one write: after a crash either all of them are there or none.</summary>
    /// <param name="batch">The names and numbers to store.</param>
    /// <exception cref="IOException">The power was cut: nothing was stored.</exception>
    public void WriteBatch(IReadOnlyDictionary<string, long> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (writesLeft is 0)
        {
            throw new IOException("The power was cut: this write never reached the disk.");
        }

        foreach (var (key, value) in batch)
        {
            ArgumentException.ThrowIfNullOrEmpty(key, nameof(batch));
            values[key] = value;
        }

        Writes++;
        writesLeft--;
    }

    /// <summary>Cuts the power after <paramref name="writes"/> more writes: every later write throws and is lost.</summary>
    /// <param name="writes">How many more writes land; zero or more.</param>
    public void CrashAfter(int writes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(writes);
        writesLeft = writes;
    }

    /// <summary>Turns the power back on: writes land again.</summary>
    public void PowerOn() => writesLeft = null;
}
