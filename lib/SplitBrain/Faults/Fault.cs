using System.Globalization;

namespace SplitBrain;

/// <summary>
/// One thing that goes wrong, as data: a partition, a cut link, a heal, a pause, a crash, a restart or a
/// clock change. Faults can be written into a scenario, drawn at random by an explorer, shrunk, printed
/// and replayed; <see cref="Simulation.At(TimeSpan, Fault)"/> schedules one at a virtual time.
/// </summary>
public abstract record Fault
{
    /// <summary>Makes the fault happen now in <paramref name="simulation"/>.</summary>
    /// <param name="simulation">The simulation to break.</param>
    public abstract void Apply(Simulation simulation);

    /// <summary>Checks, before the run, that the fault names only nodes of <paramref name="simulation"/>.</summary>
    /// <param name="simulation">The simulation the fault will be applied to.</param>
    /// <exception cref="ArgumentException">The fault names a node the simulation does not have.</exception>
    public virtual void Validate(Simulation simulation)
    {
    }

    /// <summary>Reads like <c>1 fault</c> or <c>3 faults</c>.</summary>
    internal static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    internal static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
}

/// <summary>Splits the network into groups, like <c>"A,B | C,D"</c>.</summary>
/// <param name="Groups">The partition in the form <see cref="SplitBrain.Partition.Parse"/> reads.</param>
public sealed record PartitionFault(string Groups) : Fault
{
    /// <inheritdoc />
    public override void Apply(Simulation simulation) => simulation.Partition(Groups);

    /// <inheritdoc />
    public override void Validate(Simulation simulation) => simulation.ResolvePartition(SplitBrain.Partition.Parse(Groups), nameof(Groups));

    /// <inheritdoc />
    public override string ToString() => $"partition {SplitBrain.Partition.Parse(Groups)}";
}

/// <summary>Cuts one direction of one link: <paramref name="From"/> can no longer reach <paramref name="To"/>.</summary>
/// <param name="From">The node whose messages are lost.</param>
/// <param name="To">The node that no longer hears them.</param>
public sealed record CutFault(string From, string To) : Fault
{
    /// <inheritdoc />
    public override void Apply(Simulation simulation) => simulation.Cut(From, To);

    /// <inheritdoc />
    public override void Validate(Simulation simulation)
    {
        simulation.Resolve(From, nameof(From));
        simulation.Resolve(To, nameof(To));
    }

    /// <inheritdoc />
    public override string ToString() => $"cut {From}->{To}";
}

/// <summary>Repairs every partition and cut link.</summary>
public sealed record HealFault : Fault
{
    /// <inheritdoc />
    public override void Apply(Simulation simulation) => simulation.Heal();

    /// <inheritdoc />
    public override string ToString() => "heal";
}

/// <summary>Freezes <paramref name="Node"/> for <paramref name="Duration"/>, like a stop-the-world garbage collection.</summary>
/// <param name="Node">The node to freeze.</param>
/// <param name="Duration">How long it stays frozen; zero or more.</param>
public sealed record PauseFault(string Node, TimeSpan Duration) : Fault
{
    /// <inheritdoc />
    public override void Apply(Simulation simulation) => simulation.Pause(Node, Duration);

    /// <inheritdoc />
    public override void Validate(Simulation simulation)
    {
        simulation.Resolve(Node, nameof(Node));
        Simulation.CheckDuration(Duration, nameof(Duration));
    }

    /// <inheritdoc />
    public override string ToString() => $"pause {Node} for {Seconds(Duration)}";
}

/// <summary>Crashes <paramref name="Node"/>: its volatile state is lost until a <see cref="RestartFault"/>.</summary>
/// <param name="Node">The node to crash.</param>
public sealed record CrashFault(string Node) : Fault
{
    /// <inheritdoc />
    public override void Apply(Simulation simulation) => simulation.Crash(Node);

    /// <inheritdoc />
    public override void Validate(Simulation simulation) => simulation.Resolve(Node, nameof(Node));

    /// <inheritdoc />
    public override string ToString() => $"crash {Node}";
}

/// <summary>Restarts a crashed <paramref name="Node"/> from its durable state.</summary>
/// <param name="Node">The node to restart.</param>
public sealed record RestartFault(string Node) : Fault
{
    /// <inheritdoc />
    public override void Apply(Simulation simulation) => simulation.Restart(Node);

    /// <inheritdoc />
    public override void Validate(Simulation simulation) => simulation.Resolve(Node, nameof(Node));

    /// <inheritdoc />
    public override string ToString() => $"restart {Node}";
}

/// <summary>Sets <paramref name="Node"/>'s clock to be <paramref name="Offset"/> off true time and to run with <paramref name="Drift"/>.</summary>
/// <param name="Node">The node whose clock changes.</param>
/// <param name="Offset">How far ahead (positive) or behind (negative) of true time the clock is set.</param>
/// <param name="Drift">How fast the clock runs: 0 exact, 0.01 fast by 1%, -0.01 slow by 1%; greater than -1.</param>
public sealed record ClockFault(string Node, TimeSpan Offset, double Drift) : Fault
{
    /// <inheritdoc />
    public override void Apply(Simulation simulation) => simulation.SetClock(Node, Offset, Drift);

    /// <inheritdoc />
    public override void Validate(Simulation simulation)
    {
        simulation.Resolve(Node, nameof(Node));
        Simulation.CheckDrift(Drift, nameof(Drift));
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"clock {Node} offset {(Offset < TimeSpan.Zero ? "-" : "+")}{Seconds(Offset.Duration())} drift {Drift.ToString("0.####", CultureInfo.InvariantCulture)}";
}
