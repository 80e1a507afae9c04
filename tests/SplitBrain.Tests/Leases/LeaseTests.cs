using static SplitBrain.Tests.Support.Sim;

namespace SplitBrain.Tests.Leases;

public class LeaseTests
{
    private static Simulation TwoHolders(bool guarded, TimeSpan? pauseH1 = null)
    {
        var sim = new Simulation(5);
        sim.AddNode("locks", () => new LeaseService(S(10), firstToken: 33));
        sim.AddNode("store", () => new FencedStore(0, disk => guarded ? StorageGuard.Fencing(disk) : StorageGuard.None()));
        sim.AddNode("H1", () => new LeaseWriter(new LeaseHolderSettings { Service = "locks" }, "store"));
        sim.AddNode("H2", () => new LeaseWriter(new LeaseHolderSettings { Service = "locks", AcquireAt = S(1) }, "store"));
        if (pauseH1 is { } pause)
        {
            sim.At(S(5.005), new PauseFault("H1", pause));
        }

        return sim;
    }

    [Fact]
    public void Tokens_start_at_33_and_go_up_by_one_per_grant()
    {
        var sim = TwoHolders(guarded: true, pauseH1: S(40));
        sim.Run(S(60));
        var grants = sim.Trace.Where(e => e.Kind == TraceKind.LeaseGranted).Select(e => e.DetailAs<Lease>().Token.Value).ToList();
        Assert.Equal([33, 34], grants.Take(2));
        Assert.Equal(grants.Distinct().Count(), grants.Count);
    }

    [Fact]
    public void A_renewed_lease_is_never_given_away()
    {
        var sim = TwoHolders(guarded: true);
        sim.Run(S(60));
        Assert.Single(sim.Trace, e => e.Kind == TraceKind.LeaseGranted);
        Assert.True(sim.InstanceOf<LeaseWriter>("H1").BelievesItHolds);
        Assert.False(sim.InstanceOf<LeaseWriter>("H2").BelievesItHolds);
    }

    [Fact]
    public void A_lease_expires_on_the_services_clock_while_its_holder_is_paused()
    {
        var sim = TwoHolders(guarded: true, pauseH1: S(40));
        sim.Run(S(30));
        var expired = Assert.Single(sim.Trace, e => e.Kind == TraceKind.LeaseExpired);
        Assert.InRange(expired.Time, S(10), S(14));
        Assert.Equal(new FencingToken(34), sim.InstanceOf<LeaseWriter>("H2").Token);
        Assert.Equal(new FencingToken(33), sim.InstanceOf<LeaseWriter>("H1").Token);
    }

    [Fact]
    public void After_the_pause_the_stale_write_with_33_is_refused_once_34_was_accepted()
    {
        var sim = TwoHolders(guarded: true, pauseH1: S(40));
        sim.Run(S(60));
        var rejected = sim.Trace.Where(e => e.Kind == TraceKind.WriteRejected).ToList();
        Assert.NotEmpty(rejected);
        Assert.All(rejected, r => Assert.Equal(new FencingToken(33), r.DetailAs<WriteDecision>().Token));
        Assert.Empty(new NoStaleWrite().Check(new RunFacts(sim.Trace)));
    }

    [Fact]
    public void Without_a_guard_the_stale_write_is_accepted_and_the_checker_says_so()
    {
        var sim = TwoHolders(guarded: false, pauseH1: S(40));
        sim.Run(S(60));
        var violation = Assert.Single(new NoStaleWrite().Check(new RunFacts(sim.Trace)));
        Assert.Contains("token 33", violation.Message);
        Assert.Contains("token 34", violation.Message);
    }

    [Fact]
    public void A_holder_with_a_safety_margin_stops_before_the_lease_runs_out()
    {
        var sim = new Simulation(2);
        sim.AddNode("locks", () => new LeaseService(S(10), 1));
        sim.AddNode("store", () => new FencedStore(0, _ => StorageGuard.None()));
        sim.AddNode("H", () => new LeaseWriter(new LeaseHolderSettings { Service = "locks", RenewEvery = null, SafetyMargin = S(4) }, "store"));
        sim.Run(S(20));
        var stop = sim.Trace.First(e => e.Kind == TraceKind.SteppedDown);
        Assert.InRange(stop.Time, S(6), S(6.6));
        Assert.DoesNotContain(sim.Trace, e => e.Kind == TraceKind.WriteAccepted && e.Time > S(6.6) && e.DetailAs<WriteDecision>().Token == new FencingToken(1));
    }

    [Fact]
    public void A_lease_needs_a_positive_ttl()
    {
        Assert.Equal("ttl", Assert.Throws<ArgumentOutOfRangeException>(() => new LeaseService(TimeSpan.Zero, 1)).ParamName);
    }

    [Theory]
    [InlineData(-5.0)]
    [InlineData(0.0)]
    [InlineData(30.0)]
    public void A_clock_that_is_only_set_wrong_changes_nothing_the_use_time_counts_from_the_ask(double offsetSeconds)
    {
        // The rule: use a lease for TTL - margin from the moment you asked, on your own clock. An offset shifts
        // both ends of that interval, so the holder stops 6 s (of true time) after it asked, whatever its clock reads.
        var sim = new Simulation(2);
        sim.AddNode("locks", () => new LeaseService(S(10), 1));
        sim.AddNode("store", () => new FencedStore(0, _ => StorageGuard.None()));
        sim.AddNode("H", () => new LeaseWriter(new LeaseHolderSettings { Service = "locks", RenewEvery = null, SafetyMargin = S(4), WorkEvery = S(0.1) }, "store"));
        sim.SetClock("H", S(offsetSeconds), 0);
        sim.Run(S(20));
        var stop = sim.Trace.First(e => e.Kind == TraceKind.SteppedDown);
        Assert.InRange(stop.Time, S(6), S(6.1));
    }

    [Theory]
    [InlineData(0.0, 12.5)]
    [InlineData(4.0, 7.5)]
    public void A_slow_clock_stretches_the_use_time_in_true_seconds(double marginSeconds, double stopsAt)
    {
        // H's clock runs 20% slow: its 10 s last 12.5 true seconds, its 6 s (TTL - 2 x 2 s) last 7.5.
        var sim = new Simulation(2);
        sim.AddNode("locks", () => new LeaseService(S(10), 1));
        sim.AddNode("store", () => new FencedStore(0, _ => StorageGuard.None()));
        sim.AddNode("H", () => new LeaseWriter(new LeaseHolderSettings { Service = "locks", RenewEvery = null, SafetyMargin = S(marginSeconds), WorkEvery = S(0.1) }, "store"));
        sim.SetClock("H", TimeSpan.Zero, -0.2);
        sim.Run(S(20));
        Assert.InRange(sim.Trace.First(e => e.Kind == TraceKind.SteppedDown).Time, S(stopsAt), S(stopsAt + 0.13));
    }
}
