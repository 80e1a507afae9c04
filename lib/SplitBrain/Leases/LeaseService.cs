namespace SplitBrain;

/// <summary>
/// A lock service, like ZooKeeper or etcd reduced to one lease: it grants the lease on a resource for a
/// TTL, with a fencing token one higher than the last, and lets the holder renew it.
/// </summary>
/// <remarks>
/// Expiry is judged on the service's own clock, never the holder's. The service cannot know whether a
/// holder whose lease ran out has noticed: that is why the token exists.
/// The next token and the current lease are durable, so a restart never hands out a token twice.
/// </remarks>
public sealed class LeaseService : Node
{
    private readonly TimeSpan ttl;
    private readonly long firstToken;

    /// <summary>Makes a lock service.</summary>
    /// <param name="ttl">How long a grant or renewal lasts; more than zero.</param>
    /// <param name="firstToken">The token of the first grant (33, in the lesson's story).</param>
    public LeaseService(TimeSpan ttl, long firstToken)
    {
        if (ttl <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "A lease TTL must be more than zero.");
        }

        this.ttl = ttl;
        this.firstToken = firstToken;
    }

    /// <summary>The lease as the service last granted it, if any (it may have expired).</summary>
    public Lease? Current => Durable.Get<Lease?>("lease", null);

    /// <inheritdoc />
    public override void OnMessage(Message message, NodeId from)
    {
        switch (message)
        {
            case AcquireLease acquire:
                OnAcquire(acquire, from);
                break;
            case RenewLease renew:
                OnRenew(renew, from);
                break;
        }
    }

    /// <inheritdoc />
    public override void OnTimer(object tag)
    {
        if (tag is Lease watched && Current == watched && Clock.GetUtcNow() >= watched.ExpiresAt)
        {
            Record(TraceKind.LeaseExpired, watched, watched.Holder);
        }
    }

    private void OnAcquire(AcquireLease acquire, NodeId from)
    {
        var now = Clock.GetUtcNow();
        if (Current is { } held && now < held.ExpiresAt && held.Holder != from)
        {
            Send(from, new LeaseDenied($"{held.Holder} holds the lease until {Fault.Seconds(held.ExpiresAt - NodeClock.Epoch)} on the service's clock"));
            return;
        }

        long token = Durable.Get("nextToken", firstToken);
        Durable.Set("nextToken", token + 1);
        var lease = new Lease(acquire.Resource, from, new FencingToken(token), now + ttl, ttl);
        Grant(lease, TraceKind.LeaseGranted);
    }

    private void OnRenew(RenewLease renew, NodeId from)
    {
        var now = Clock.GetUtcNow();
        if (Current is not { } held || held.Holder != from || held.Token != renew.Token || now >= held.ExpiresAt)
        {
            Send(from, new LeaseDenied($"{renew.Token} is no longer the current lease"));
            return;
        }

        Grant(held with { ExpiresAt = now + ttl }, kind: null);
    }

    private void Grant(Lease lease, TraceKind? kind)
    {
        Durable.Set("lease", lease);
        if (kind is { } traced)
        {
            Record(traced, lease, lease.Holder);
        }

        SetTimer(ttl, lease);
        Send(lease.Holder, new LeaseGrant(lease));
    }
}
