namespace SplitBrain;

/// <summary>
/// Makes a failing fault schedule as small as it can while the same invariant still breaks: first it
/// drops faults one at a time, then it halves pauses. What is left are the faults that matter.
/// </summary>
public static class Shrinker
{
    /// <summary>The smallest schedule found that still breaks <paramref name="invariant"/>.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">The run's options; its <see cref="ScenarioOptions.Faults"/> is the schedule to shrink.</param>
    /// <param name="invariant">The invariant that must keep breaking.</param>
    public static IReadOnlyList<ScheduledFault> Shrink(Scenario scenario, ScenarioOptions options, IChecker invariant)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var schedule = (options.Faults ?? scenario.Script(options)).ToList();
        bool Fails(List<ScheduledFault> candidate) => scenario.Run(options with { Faults = candidate }).Broke(invariant);

        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int i = schedule.Count - 1; i >= 0; i--)
            {
                var without = schedule.Where((_, k) => k != i).ToList();
                if (Fails(without))
                {
                    schedule = without;
                    changed = true;
                }
            }
        }

        for (int i = 0; i < schedule.Count; i++)
        {
            while (schedule[i].Fault is PauseFault pause && pause.Duration > TimeSpan.FromMilliseconds(1))
            {
                var shorter = schedule.ToList();
                var half = TimeSpan.FromMilliseconds(Math.Max(1, (long)pause.Duration.TotalMilliseconds / 2));
                shorter[i] = schedule[i] with { Fault = pause with { Duration = half } };
                if (!Fails(shorter))
                {
                    break;
                }

                schedule = shorter;
            }
        }

        return schedule;
    }
}
