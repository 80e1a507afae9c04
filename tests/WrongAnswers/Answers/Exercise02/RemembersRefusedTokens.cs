// Mistake: a refused token still replaces the highest, so the deposed leader lowers the bar
// Caught by: a refused token changes nothing
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
        bool accepted = Highest is not { } highest || token >= highest;
        Highest = token;
        return accepted;
    }
}
