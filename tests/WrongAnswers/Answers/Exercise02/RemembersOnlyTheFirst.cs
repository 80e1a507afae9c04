// Mistake: the guard remembers the first token and never the higher ones after it
// Caught by: the guard remembers the highest token
namespace Course.Exercises;

/// <summary>A wrong answer to exercise 2, as a learner might write it (see the Mistake line above).</summary>
public sealed class FencingGuard
{
    /// <summary>The highest token accepted so far; null before the first write.</summary>
    public FencingToken? Highest { get; private set; }

    /// <summary>Decides about one write: true to accept it (and remember its token if higher), false to refuse it.</summary>
    /// <param name="token">The token the write carries.</param>
    public bool TryAccept(FencingToken token)
    {
        if (Highest is { } highest && token < highest)
        {
            return false;
        }

        Highest ??= token;
        return true;
    }
}
