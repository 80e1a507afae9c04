namespace SplitBrain.Lab;

/// <summary>
/// A lock service for the lab's real processes: grants one holder at a time a lease with a time to live and a
/// fencing token that rises with every grant. Two coordinators implement it: <see cref="EtcdLeaseCoordinator"/>
/// (a real etcd, whose revisions are the tokens) and <see cref="EmbeddedLeaseService"/> (in-process, for machines
/// without etcd; <see cref="EmbeddedLeaseClient"/> reaches it from another process).
/// </summary>
public interface ILeaseCoordinator : IAsyncDisposable
{
    /// <summary>The coordinator's name for the story: <c>etcd (3 nodes)</c>, <c>embedded</c>.</summary>
    string Name { get; }

    /// <summary>How long a lease lasts without a keep-alive.</summary>
    TimeSpan Ttl { get; }

    /// <summary>
    /// Asks for the lease. If nobody holds it, the caller gets it with a new token, and a keep-alive starts that
    /// runs until the lease is released or lost. If someone holds it, the answer is null.
    /// </summary>
    /// <param name="holder">Who asks: <c>client-1</c>.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    Task<HeldLease?> TryAcquireAsync(string holder, CancellationToken cancellationToken = default);
}
