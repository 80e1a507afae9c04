namespace SplitBrain;

/// <summary>
/// The clock one node reads. It is a .NET <see cref="TimeProvider"/>, so node code asks it the time the
/// way production code does: <c>Clock.GetUtcNow()</c> or <c>Clock.GetTimestamp()</c>.
/// </summary>
/// <remarks>
/// <para>A node's clock is not true time. It has an <b>offset</b> (it is wrong by a fixed amount) and a
/// <b>drift</b> (it runs fast or slow: a drift of 0.01 gains 10 ms every second, -0.01 loses 10 ms).
/// Local time is <c>anchor + (true time - true anchor) × (1 + drift)</c>; every change of offset or drift
/// sets a new anchor, so the clock never jumps unless it is stepped on purpose.</para>
/// <para>Leases judged on such clocks can disagree: the holder may believe it still holds a lease that the
/// lock service, on its own clock, already gave away. That is the clock-skew lesson.</para>
/// <para>Timers are measured on this clock too: a 10 s timer on a clock with drift -0.5 fires after 20 true seconds.</para>
/// </remarks>
public sealed class NodeClock : TimeProvider
{
    /// <summary>The instant that local time zero stands for when read as a date: 1 January 2026, UTC.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Simulation simulation;
    private long anchorTrueTicks;
    private long anchorLocalTicks;
    private double rate = 1.0;

    internal NodeClock(Simulation simulation) => this.simulation = simulation;

    /// <summary>How far this clock was set off true time (positive: ahead) at its last change.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(anchorLocalTicks - anchorTrueTicks);

    /// <summary>How fast this clock runs against true time: 0 is exact, 0.01 is 1% fast, -0.01 is 1% slow.</summary>
    public double Drift => rate - 1.0;

    /// <summary>Local time elapsed since the start of the run, as this node believes it.</summary>
    public TimeSpan LocalTime => TimeSpan.FromTicks(LocalTicks);

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    internal long LocalTicks
    {
        get
        {
            long trueElapsed = simulation.NowTicks - anchorTrueTicks;

            // A clock without drift needs no floating point: most clocks, most of the time.
            return anchorLocalTicks + (rate == 1.0 ? trueElapsed : (long)(trueElapsed * rate));
        }
    }

    /// <summary>The date and time this node believes it is.</summary>
    public override DateTimeOffset GetUtcNow() => Epoch + LocalTime;

    /// <summary>A timestamp in 100 ns ticks of local time, for measuring intervals on this clock.</summary>
    public override long GetTimestamp() => LocalTicks;

    /// <summary>Simulated nodes set timers with <see cref="Node.SetTimer"/>; real timers would escape the simulation.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException("A simulated node sets timers with Node.SetTimer, which run on virtual time; a real timer would break determinism.");

    /// <summary>
    /// Sets this clock's offset and drift from now on. Use <see cref="Simulation.SetClock"/> instead, which also traces the change.
    /// </summary>
    internal void Set(TimeSpan offset, double drift)
    {
        anchorTrueTicks = simulation.NowTicks;
        anchorLocalTicks = anchorTrueTicks + offset.Ticks;
        rate = 1.0 + drift;
    }

    /// <summary>How many true ticks pass while this clock advances <paramref name="localTicks"/>.</summary>
    internal long TrueTicksFor(long localTicks) => rate == 1.0 ? localTicks : (long)Math.Ceiling(localTicks / rate);
}
