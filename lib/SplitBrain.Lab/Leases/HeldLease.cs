namespace SplitBrain.Lab;

/// <summary>
/// A lease this process holds, as far as it knows: its fencing token, and a task that completes when the
/// keep-alive finds the lease gone. A holder that was frozen learns of the loss only when it runs again, and
/// maybe after its next write: that is why the store must check the token.
/// </summary>
public sealed class HeldLease : IAsyncDisposable
{
    private readonly Func<Task> release;
    private int released;

    /// <summary>Makes the holder's view of a lease.</summary>
    /// <param name="holder">Who holds it.</param>
    /// <param name="token">The fencing token of this grant.</param>
    /// <param name="lost">Completes when the lease is no longer held, lost or released.</param>
    /// <param name="release">Gives the lease back and stops the keep-alive.</param>
    public HeldLease(string holder, FencingToken token, Task lost, Func<Task> release)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        ArgumentNullException.ThrowIfNull(lost);
        ArgumentNullException.ThrowIfNull(release);
        Holder = holder;
        Token = token;
        Lost = lost;
        this.release = release;
    }

    /// <summary>Who holds the lease.</summary>
    public string Holder { get; }

    /// <summary>The fencing token every write under this lease carries.</summary>
    public FencingToken Token { get; }

    /// <summary>Completes when the lease is no longer held: the keep-alive found it expired, or it was released.</summary>
    public Task Lost { get; }

    /// <summary>Gives the lease back, once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref released, 1) == 0)
        {
            await release();
        }
    }
}
