namespace SplitBrain.Lab;

/// <summary>
/// The lab's fallback lock service, for machines without etcd: one lease, a time to live judged on the service's
/// own clock, and a token that rises by one with every grant (like <see cref="LeaseService"/> in the simulation).
/// A lease whose holder has not renewed it within the time to live has expired, and the next asker gets it.
/// In-process it is an <see cref="ILeaseCoordinator"/>; <see cref="EmbeddedLeaseServer"/> lends it to other processes.
/// </summary>
public sealed class EmbeddedLeaseService : ILeaseCoordinator
{
    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private long nextToken;
    private long nextLeaseId = 1;
    private (string Holder, long LeaseId, FencingToken Token, DateTimeOffset ExpiresAt)? current;

    /// <summary>Makes a service.</summary>
    /// <param name="ttl">How long a lease lasts without renewal; more than zero.</param>
    /// <param name="firstToken">The token of the first grant; 1 or more. The lessons start at 33.</param>
    /// <param name="time">The service's clock; the system clock if null.</param>
    public EmbeddedLeaseService(TimeSpan ttl, long firstToken = 33, TimeProvider? time = null)
    {
        if (ttl <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "A lease lasts more than zero seconds.");
        }

        if (firstToken < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(firstToken), firstToken, "Tokens start at 1 or more.");
        }

        Ttl = ttl;
        nextToken = firstToken;
        this.time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Name => "embedded";

    /// <inheritdoc />
    public TimeSpan Ttl { get; }

    /// <summary>Who holds an unexpired lease now, if anyone.</summary>
    public string? Holder
    {
        get
        {
            lock (gate)
            {
                Expire();
                return current?.Holder;
            }
        }
    }

    /// <summary>Grants the lease to <paramref name="holder"/> if nobody holds an unexpired one.</summary>
    /// <param name="holder">Who asks.</param>
    /// <returns>The token and lease id, or null if the lease is held.</returns>
    public (FencingToken Token, long LeaseId)? Grant(string holder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        lock (gate)
        {
            Expire();
            if (current is not null)
            {
                return null;
            }

            var token = new FencingToken(nextToken++);
            current = (holder, nextLeaseId++, token, time.GetUtcNow() + Ttl);
            return (token, current.Value.LeaseId);
        }
    }

    /// <summary>Extends lease <paramref name="leaseId"/> by a time to live, if it has not expired.</summary>
    /// <param name="leaseId">The lease's id from <see cref="Grant"/>.</param>
    /// <returns>False if the lease is gone: expired, released or never granted.</returns>
    public bool KeepAlive(long leaseId)
    {
        lock (gate)
        {
            Expire();
            if (current is not { } lease || lease.LeaseId != leaseId)
            {
                return false;
            }

            current = lease with { ExpiresAt = time.GetUtcNow() + Ttl };
            return true;
        }
    }

    /// <summary>Ends lease <paramref name="leaseId"/> now, if it is the current one.</summary>
    /// <param name="leaseId">The lease's id.</param>
    public void Release(long leaseId)
    {
        lock (gate)
        {
            if (current is { } lease && lease.LeaseId == leaseId)
            {
                current = null;
            }
        }
    }

    /// <inheritdoc />
    public Task<HeldLease?> TryAcquireAsync(string holder, CancellationToken cancellationToken = default)
    {
        if (Grant(holder) is not { } grant)
        {
            return Task.FromResult<HeldLease?>(null);
        }

        var stop = new CancellationTokenSource();
        var lost = KeepAliveLoop.Run(Ttl, _ => Task.FromResult(KeepAlive(grant.LeaseId)), stop.Token);
        return Task.FromResult<HeldLease?>(new HeldLease(holder, grant.Token, lost, async () =>
        {
            await stop.CancelAsync();
            Release(grant.LeaseId);
            stop.Dispose();
        }));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Expire()
    {
        if (current is { } lease && time.GetUtcNow() >= lease.ExpiresAt)
        {
            current = null;
        }
    }
}
