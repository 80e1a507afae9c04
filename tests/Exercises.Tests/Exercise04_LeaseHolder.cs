namespace Course.Exercises.Graded;

/// <summary>Graded tests of exercise 4: a lease holder that stops in time.</summary>
[Exercise(4, "Lease holder", Lesson = 3, Hint = "Safe until requestedAt + (TTL - 2 x skew), on the holder's own clock; in TryAct check before prepare and again after it.")]
public sealed class Exercise04_LeaseHolder
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(1);

    /// <summary>The safety margin is TTL − 2 × max skew.</summary>
    [Fact, Points(2)]
    public void Task1_SafeUseTimeIsTtlMinusTwiceTheSkew()
    {
        var holder = new LeaseHolder(new ManualClock(), Ttl, Skew);
        Expect.Returns(TimeSpan.FromSeconds(8), holder.SafeUseTime, "SafeUseTime for a 10 s TTL and 1 s skew", "TTL - 2 x max skew = 10 - 2 = 8 s");
        var exact = new LeaseHolder(new ManualClock(), Ttl, TimeSpan.Zero);
        Expect.Returns(Ttl, exact.SafeUseTime, "SafeUseTime with no skew", "with perfect clocks the whole TTL is safe");
    }

    /// <summary>Bad settings are refused, naming the parameter.</summary>
    [Fact, Points(1)]
    public void Task2_RejectsSettingsWithNoSafeTime()
    {
        Expect.Rejects(() => new LeaseHolder(new ManualClock(), TimeSpan.Zero, Skew), "ttl", "new LeaseHolder(ttl: 0 s)");
        Expect.Rejects(() => new LeaseHolder(new ManualClock(), Ttl, TimeSpan.FromSeconds(-1)), "maxClockSkew", "new LeaseHolder(maxClockSkew: -1 s)");
        Expect.Rejects(() => new LeaseHolder(new ManualClock(), Ttl, TimeSpan.FromSeconds(5)), "maxClockSkew", "new LeaseHolder(ttl: 10 s, maxClockSkew: 5 s)");
    }

    /// <summary>Acts inside the safe window and stops at its end.</summary>
    [Fact, Points(2)]
    public void Task3_StopsActingBeforeExpiry()
    {
        var clock = new ManualClock();
        var holder = new LeaseHolder(clock, Ttl, Skew);
        Expect.Returns(null, holder.TokenIfSafe(), "TokenIfSafe() before any grant", "there is no lease to act on");
        holder.OnGranted(new FencingToken(33), clock.GetUtcNow());
        clock.Advance(7.9);
        Expect.Returns(new FencingToken(33), holder.TokenIfSafe(), "TokenIfSafe() 7.9 s after the request", "7.9 s is inside the 8 s safe use time");
        clock.Advance(0.1);
        Expect.Returns(null, holder.TokenIfSafe(), "TokenIfSafe() 8 s after the request", "at TTL - 2 x skew the holder must stop: the service's clock may already say the lease expired");
        holder.OnGranted(new FencingToken(34), clock.GetUtcNow());
        Expect.Returns(new FencingToken(34), holder.TokenIfSafe(), "TokenIfSafe() right after a new grant with token 34", "a renewed lease is safe again for its own safe use time, with its new token");
    }

    /// <summary>The lease is counted from the request, not from when the grant arrived.</summary>
    [Fact, Points(2)]
    public void Task4_CountsFromTheRequestNotTheGrant()
    {
        var clock = new ManualClock();
        var holder = new LeaseHolder(clock, Ttl, Skew);
        var requestedAt = clock.GetUtcNow();
        clock.Advance(3);
        holder.OnGranted(new FencingToken(33), requestedAt);
        clock.Advance(5.5);
        Expect.Returns(null, holder.TokenIfSafe(), "TokenIfSafe() 8.5 s after the request (the grant took 3 s to arrive)", "the service started the lease no earlier than the request, so the safe time counts from the request");
    }

    /// <summary>A 40 s pause between the check and the write stops the write.</summary>
    [Fact, Points(3)]
    public void Task5_RechecksAfterAPause()
    {
        var clock = new ManualClock();
        var holder = new LeaseHolder(clock, Ttl, Skew);
        holder.OnGranted(new FencingToken(33), clock.GetUtcNow());
        var committed = new List<FencingToken>();
        bool paused = holder.TryAct(_ => clock.Advance(40), committed.Add);
        Expect.That(!paused && committed.Count == 0, $"TryAct committed {committed.Count} time(s) and returned {Expect.Show(paused)} after a 40 s pause in prepare; the lesson expects no commit and false: the lease expired during the pause, check again before committing.");
        var fresh = new LeaseHolder(clock, Ttl, Skew);
        fresh.OnGranted(new FencingToken(34), clock.GetUtcNow());
        bool ran = fresh.TryAct(_ => clock.Advance(1), committed.Add);
        Expect.That(ran && committed.SequenceEqual([new FencingToken(34)]), $"TryAct with a 1 s prepare returned {Expect.Show(ran)} and committed [{string.Join(", ", committed)}]; the lesson expects true and one commit with token 34.");
        clock.Advance(10);
        bool prepared = false;
        bool late = fresh.TryAct(_ => prepared = true, committed.Add);
        Expect.That(!late && !prepared, $"TryAct on an expired lease returned {Expect.Show(late)} (prepare ran: {Expect.Show(prepared)}); the lesson expects false without running anything.");
    }
}
