namespace SplitBrain;

/// <summary>
/// The part of a node's state that survives a crash, like a file on disk. Fields of a <see cref="Node"/>
/// are volatile: a restart builds a fresh node object. Whatever the node put here is still here after
/// <see cref="Simulation.Restart"/>.
/// </summary>
public sealed class DurableState
{
    private readonly Dictionary<string, object> values = new(StringComparer.Ordinal);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, replacing any earlier value.</summary>
    /// <param name="key">The name of the value, for example <c>"currentTerm"</c>.</param>
    /// <param name="value">The value to keep across crashes.</param>
    public void Set<T>(string key, T value) where T : notnull
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        values[key] = value;
    }

    /// <summary>Returns the value stored under <paramref name="key"/>, or <paramref name="fallback"/> if none was stored.</summary>
    /// <param name="key">The name the value was stored under.</param>
    /// <param name="fallback">What to return for a key that was never set.</param>
    public T Get<T>(string key, T fallback)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return values.TryGetValue(key, out var value) ? (T)value : fallback;
    }

    /// <summary>Whether anything was stored under <paramref name="key"/>.</summary>
    /// <param name="key">The name to look for.</param>
    public bool Contains(string key) => values.ContainsKey(key);
}
