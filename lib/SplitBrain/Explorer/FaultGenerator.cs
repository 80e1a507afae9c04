namespace SplitBrain;

/// <summary>
/// Draws a random fault schedule for a scenario, within the scenario's <see cref="ExploreBounds"/>.
/// Half the schedules are drawn fresh; the other half are mutations of the scenario's own script (faults
/// dropped, moved by up to half a second, pauses stretched or shrunk, one random fault added), the way a
/// fuzzer starts from a corpus: the dangerous schedules lie near the known story.
/// The same scenario and seed always give the same schedule. Times are whole milliseconds, so the
/// schedule's text form replays exactly.
/// </summary>
public static class FaultGenerator
{
    /// <summary>The most a clock fault sets a clock off true time: 3 s either way.</summary>
    public static readonly TimeSpan MaxClockOffset = TimeSpan.FromSeconds(3);

    /// <summary>The most a clock fault makes a clock drift: 5% either way.</summary>
    public const double MaxDrift = 0.05;

    /// <summary>Draws the schedule for <paramref name="seed"/>.</summary>
    /// <param name="bounds">What may be thrown.</param>
    /// <param name="nodes">The scenario's node names.</param>
    /// <param name="seed">The schedule's seed.</param>
    /// <param name="script">The scenario's own faults, to mutate; empty for fresh schedules only.</param>
    public static IReadOnlyList<ScheduledFault> Generate(ExploreBounds bounds, IReadOnlyList<string> nodes, long seed, IReadOnlyList<ScheduledFault> script)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(script);
        var random = new SimRandom(unchecked(seed * -7046029254386353131L) ^ 0x5EED);
        if (script.Count > 0 && random.Chance(0.5))
        {
            return Mutate(bounds, nodes, script, random);
        }

        return Fresh(bounds, nodes, random, 1 + random.Next(bounds.MaxFaults));
    }

    private static IReadOnlyList<ScheduledFault> Mutate(ExploreBounds bounds, IReadOnlyList<string> nodes, IReadOnlyList<ScheduledFault> script, SimRandom random)
    {
        var faults = new List<ScheduledFault>();
        foreach (var scripted in script)
        {
            if (random.Chance(0.15))
            {
                continue;
            }

            long shiftMs = random.NextInt64(-500, 501);
            var at = TimeSpan.FromMilliseconds(Math.Max(0, (long)scripted.At.TotalMilliseconds + shiftMs));
            var fault = scripted.Fault;
            if (fault is PauseFault pause)
            {
                long ms = (long)pause.Duration.TotalMilliseconds;
                fault = pause with { Duration = TimeSpan.FromMilliseconds(Math.Max(1, ms / 2 + random.NextInt64(ms + 1))) };
            }

            faults.Add(new ScheduledFault(at, fault));
        }

        if (random.Chance(0.5))
        {
            faults.AddRange(Fresh(bounds, nodes, random, 1));
        }

        return faults.OrderBy(f => f.At).ToArray();
    }

    private static IReadOnlyList<ScheduledFault> Fresh(ExploreBounds bounds, IReadOnlyList<string> nodes, SimRandom random, int count)
    {
        var kinds = new List<int> { 0, 0, 1, 2 };
        if (bounds.MaxPause > TimeSpan.Zero)
        {
            kinds.AddRange([3, 3]);
        }

        if (bounds.Crashes)
        {
            kinds.Add(4);
        }

        if (bounds.ClockFaults)
        {
            kinds.Add(5);
        }

        long horizonMs = Math.Max(1, (long)bounds.Horizon.TotalMilliseconds);
        var faults = new List<ScheduledFault>(count + 1);
        for (int i = 0; i < count; i++)
        {
            var at = TimeSpan.FromMilliseconds(random.NextInt64(horizonMs));
            string node = nodes[random.Next(nodes.Count)];
            switch (kinds[random.Next(kinds.Count)])
            {
                case 0:
                    var grouped = new List<string>(nodes.Count);
                    foreach (var each in nodes)
                    {
                        if (!bounds.SharedNodes.Contains(each))
                        {
                            grouped.Add(each);
                        }
                    }

                    if (grouped.Count >= 2)
                    {
                        faults.Add(new(at, new PartitionFault(RandomPartition(grouped, random))));
                    }

                    break;
                case 1:
                    string other = nodes[(IndexOf(nodes, node) + 1 + random.Next(nodes.Count - 1)) % nodes.Count];
                    faults.Add(new(at, new CutFault(node, other)));
                    break;
                case 2:
                    faults.Add(new(at, new HealFault()));
                    break;
                case 3:
                    var pause = TimeSpan.FromMilliseconds(1 + random.NextInt64((long)bounds.MaxPause.TotalMilliseconds));
                    faults.Add(new(at, new PauseFault(node, pause)));
                    break;
                case 4:
                    faults.Add(new(at, new CrashFault(node)));
                    faults.Add(new(at + TimeSpan.FromMilliseconds(1 + random.NextInt64(horizonMs)), new RestartFault(node)));
                    break;
                default:
                    long offsetMs = random.NextInt64(-(long)MaxClockOffset.TotalMilliseconds, (long)MaxClockOffset.TotalMilliseconds + 1);
                    double drift = random.NextInt64(-500, 501) / 10_000.0;
                    faults.Add(new(at, new ClockFault(node, TimeSpan.FromMilliseconds(offsetMs), drift)));
                    break;
            }
        }

        return faults.OrderBy(f => f.At).ToArray();
    }

    private static string RandomPartition(IReadOnlyList<string> nodes, SimRandom random)
    {
        while (true)
        {
            // Put each node on a random side, then keep the sides that got at least one node.
            int groups = 2 + random.Next(2);
            var side = new int[nodes.Count];
            for (int i = 0; i < side.Length; i++)
            {
                side[i] = random.Next(groups);
            }

            var parts = new List<string>(groups);
            for (int g = 0; g < groups; g++)
            {
                var members = new List<string>();
                for (int i = 0; i < side.Length; i++)
                {
                    if (side[i] == g)
                    {
                        members.Add(nodes[i]);
                    }
                }

                if (members.Count > 0)
                {
                    parts.Add(string.Join(",", members));
                }
            }

            if (parts.Count >= 2)
            {
                return string.Join(" | ", parts);
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> nodes, string node)
    {
        for (int i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] == node)
            {
                return i;
            }
        }

        return -1;
    }
}
