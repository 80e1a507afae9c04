namespace SplitBrain;

/// <summary>
/// A node that acts only while it believes it holds a lease: a scheduler, a primary, a writer.
/// It asks the lock service for the lease, renews it, and every <see cref="LeaseHolderSettings.WorkEvery"/>
/// checks the lease on its own clock and, if it still holds it, does one piece of work.
/// </summary>
/// <remarks>
/// <para>The rule the lesson teaches: a holder may use its lease for TTL − <see cref="LeaseHolderSettings.SafetyMargin"/>
/// (TTL − 2 × max skew), <b>counted from the moment it asked</b>, on its own clock. The grant can only come
/// later, so the lease runs out on the service's clock no earlier than that; a clock that is merely set wrong
/// changes nothing, and only a clock that runs at the wrong rate can use up the margin.</para>
/// <para>Work happens in two steps, as in real code: check the lease, then (after
/// <see cref="LeaseHolderSettings.PrepareTime"/>) send the work. A pause between the two sends work
/// that was checked long ago. No amount of checking at the holder closes that gap; only the store's
/// fencing token does.</para>
/// <para>Subclasses say what a piece of work is by overriding <see cref="Act"/>.</para>
/// </remarks>
public abstract class LeaseHolder : Node
{
    private static readonly object AcquireTag = "acquire";
    private static readonly object WorkTag = "work";
    private static readonly object RenewTag = "renew";

    /// <summary>Makes a holder.</summary>
    /// <param name="settings">How it gets and trusts its lease.</param>
    protected LeaseHolder(LeaseHolderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
    }

    /// <summary>How this holder gets and trusts its lease.</summary>
    public LeaseHolderSettings Settings { get; }

    /// <summary>The lease this holder last received, if any.</summary>
    public Lease? Lease { get; private set; }

    /// <summary>The token this holder stamps on its work, while it believes it holds the lease.</summary>
    public FencingToken? Token { get; private set; }

    /// <summary>Whether this holder believes it holds the lease.</summary>
    public bool BelievesItHolds => Token is not null;

    /// <summary>
    /// When this holder stops using its lease, on its own clock: the moment it asked for the last grant it
    /// received, plus the TTL, less the safety margin. Null before the first grant.
    /// </summary>
    public DateTimeOffset? UsableUntil { get; private set; }

    /// <summary>
    /// The local time of the oldest request (acquire or renew) not yet answered. A grant is counted from it:
    /// the grant answers that request or a later one, so counting from it never overstates the lease.
    /// </summary>
    private DateTimeOffset? askedAt;

    /// <inheritdoc />
    public override void OnStart()
    {
        SetTimer(Settings.AcquireAt, AcquireTag);
        SetTimer(Settings.WorkEvery, WorkTag);
    }

    /// <inheritdoc />
    public override void OnMessage(Message message, NodeId from)
    {
        switch (message)
        {
            case LeaseGrant grant:
                OnLeaseGrant(grant);
                break;
            case LeaseDenied denied:
                OnLeaseDenied(denied);
                break;
            default:
                OnOtherMessage(message, from);
                break;
        }
    }

    /// <inheritdoc />
    public override void OnTimer(object tag)
    {
        if (tag == AcquireTag)
        {
            if (!BelievesItHolds)
            {
                Ask(new AcquireLease(Settings.Resource));
            }
        }
        else if (tag == RenewTag)
        {
            if (BelievesItHolds && Lease is { } lease && Settings.RenewEvery is { } every)
            {
                Ask(new RenewLease(lease.Token));
                SetTimer(every, RenewTag);
            }
        }
        else if (tag == WorkTag)
        {
            OnWorkTimer();
        }
        else if (tag is PreparedWork work)
        {
            Act(work.Token);
        }
    }

    /// <summary>Does one piece of work, stamped with <paramref name="token"/>. Called without a fresh lease check.</summary>
    /// <param name="token">The token the work was prepared under.</param>
    protected abstract void Act(FencingToken token);

    /// <summary>Whether there is work to do at this tick. Default: always.</summary>
    protected virtual bool WantsToWork => true;

    /// <summary>Called for messages that are not about the lease (replies from a store or from workers).</summary>
    /// <param name="message">The message.</param>
    /// <param name="from">The sender.</param>
    protected virtual void OnOtherMessage(Message message, NodeId from)
    {
    }

    /// <summary>
    /// Whether the lease is still good by this holder's own clock: before <see cref="UsableUntil"/>, the moment
    /// it asked plus TTL less the safety margin. A holder that does not check expiry always says yes.
    /// </summary>
    protected bool LeaseLooksValid() =>
        Lease is not null && (!Settings.ChecksExpiry || (UsableUntil is { } until && Clock.GetUtcNow() < until));

    private void Ask(Message request)
    {
        // Keep the oldest unanswered request: after lost requests the next grant counts from too early, which is safe.
        askedAt ??= Clock.GetUtcNow();
        Send(Simulation[Settings.Service], request);
    }

    private void OnLeaseGrant(LeaseGrant grant)
    {
        bool fresh = Lease is null || Lease.Token != grant.Lease.Token || !BelievesItHolds;
        Lease = grant.Lease;
        UsableUntil = (askedAt ?? Clock.GetUtcNow()) + grant.Lease.Ttl - Settings.SafetyMargin;
        askedAt = null;
        if (!fresh)
        {
            return;
        }

        Token = Settings.TokenFromOwnClock
            ? new FencingToken((long)Clock.LocalTime.TotalMilliseconds)
            : grant.Lease.Token;
        Record(TraceKind.Elected, Token);
        if (Settings.RenewEvery is { } every)
        {
            SetTimer(every, RenewTag);
        }
    }

    private void OnLeaseDenied(LeaseDenied denied)
    {
        askedAt = null;
        if (BelievesItHolds)
        {
            GiveUp($"renewal refused: {denied.Reason}");
            return;
        }

        SetTimer(Settings.RetryEvery, AcquireTag);
    }

    private void OnWorkTimer()
    {
        SetTimer(Settings.WorkEvery, WorkTag);
        if (!BelievesItHolds || Token is not { } token)
        {
            return;
        }

        if (!LeaseLooksValid())
        {
            GiveUp("the lease ran out on my clock");
            return;
        }

        if (WantsToWork)
        {
            SetTimer(Settings.PrepareTime, new PreparedWork(token));
        }
    }

    private void GiveUp(string why)
    {
        if (Token is { } token)
        {
            Record(TraceKind.SteppedDown, token);
            Record(TraceKind.Note, $"stops acting: {why}");
        }

        Token = null;
        SetTimer(Settings.RetryEvery, AcquireTag);
    }

    /// <summary>The timer tag of work checked under <paramref name="Token"/> and about to be sent.</summary>
    private sealed record PreparedWork(FencingToken Token);
}
