namespace Course.Exercises;

/// <summary>
/// <para><b>Exercise 2: a fencing-token guard.</b> Lesson: fencing tokens and storage guards.</para>
/// <para><b>Task.</b> Storage keeps one of these and asks it about every write. A leader that was paused or
/// cut off still believes it leads and still sends writes with its old token; the guard is what stops them.</para>
/// <para><b>Rules from the lesson.</b> Remember the highest token accepted so far. Refuse a token lower than
/// it: that writer was replaced. Accept a token equal to it (the same leader writing again) or higher (a new
/// leader), and remember the higher one. Before the first write, accept any token.</para>
/// <para><b>Hint.</b> One nullable field is all the state you need. Compare with the token's own operators.</para>
/// </summary>
public sealed class FencingGuard
{
    /// <summary>The highest token accepted so far; null before the first write.</summary>
    public FencingToken? Highest => throw new NotImplementedException();

    /// <summary>Decides about one write: true to accept it (and remember its token if higher), false to refuse it.</summary>
    /// <param name="token">The token the write carries.</param>
    public bool TryAccept(FencingToken token) => throw new NotImplementedException();
}
