namespace SplitBrain.Playground;

/// <summary>
/// One finished run as the player shows it: its trace lines in order (the steps of the scrubber), and for each
/// invariant the scenario checks, the step at which it broke, if it did. Before that step the invariant still
/// holds; from that step on it is broken, with the checker's message.
/// </summary>
public sealed class PlayerRun
{
    private readonly Dictionary<string, (int Step, string Message)> breaks = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="scenario"/> with <paramref name="options"/> and indexes the result.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">The run's options.</param>
    /// <exception cref="ArgumentException">The options do not fit the scenario.</exception>
    public PlayerRun(Scenario scenario, ScenarioOptions options)
    {
        Result = scenario.Run(options);
        Lines = Result.Trace.Entries;
        foreach (var violation in Result.Violations)
        {
            int step = violation.Events.Count == 0 ? Lines.Count - 1 : StepOf(violation.Events[^1]);
            if (!breaks.TryGetValue(violation.Invariant, out var known) || step < known.Step)
            {
                breaks[violation.Invariant] = (step, violation.Message);
            }
        }
    }

    /// <summary>The finished run.</summary>
    public ScenarioResult Result { get; }

    /// <summary>Every trace line, oldest first: step k of the scrubber is line k.</summary>
    public IReadOnlyList<TraceEntry> Lines { get; }

    /// <summary>The last step, or -1 for an empty trace.</summary>
    public int LastStep => Lines.Count - 1;

    /// <summary>The earliest step at which any invariant broke; null for a safe run.</summary>
    public int? FirstBreak => breaks.Count == 0 ? null : breaks.Values.Min(b => b.Step);

    /// <summary>The step at which <paramref name="invariant"/> broke, and the checker's message; null if it held.</summary>
    /// <param name="invariant">A checker id, like <c>no-overdraft</c>.</param>
    public (int Step, string Message)? BreakOf(string invariant) =>
        breaks.TryGetValue(invariant, out var found) ? found : null;

    /// <summary>The next step after <paramref name="step"/> whose line is not network traffic or a timer; the last step if none.</summary>
    /// <param name="step">Where the scrubber is.</param>
    public int NextProtocolStep(int step)
    {
        for (int k = step + 1; k < Lines.Count; k++)
        {
            if (!IsTraffic(Lines[k].Kind))
            {
                return k;
            }
        }

        return LastStep;
    }

    /// <summary>The step before <paramref name="step"/> whose line is not network traffic or a timer; 0 if none.</summary>
    /// <param name="step">Where the scrubber is.</param>
    public int PreviousProtocolStep(int step)
    {
        for (int k = step - 1; k >= 0; k--)
        {
            if (!IsTraffic(Lines[k].Kind))
            {
                return k;
            }
        }

        return 0;
    }

    /// <summary>Whether a line is traffic (sends, deliveries, drops, duplicates) or a timer, rather than a protocol event.</summary>
    /// <param name="kind">The line's kind.</param>
    public static bool IsTraffic(TraceKind kind) =>
        kind is TraceKind.Send or TraceKind.Deliver or TraceKind.Drop or TraceKind.Duplicate or TraceKind.Timer;

    private int StepOf(TraceEntry entry)
    {
        for (int k = 0; k < Lines.Count; k++)
        {
            if (Lines[k].Equals(entry))
            {
                return k;
            }
        }

        return Lines.Count - 1;
    }
}
