namespace SplitBrain;

/// <summary>Tells a run as a short timeline a person can read: the faults, the elections, the writes and the verdict.</summary>
public static class ScenarioStory
{
    private static readonly HashSet<TraceKind> Told =
    [
        TraceKind.Partition, TraceKind.Cut, TraceKind.Heal, TraceKind.Pause, TraceKind.Resume, TraceKind.Crash,
        TraceKind.Restart, TraceKind.ClockChange, TraceKind.Elected, TraceKind.SteppedDown, TraceKind.LeaseGranted,
        TraceKind.LeaseExpired, TraceKind.WriteAccepted, TraceKind.WriteRejected, TraceKind.Acknowledged,
        TraceKind.JobRun, TraceKind.Note,
    ];

    /// <summary>The lines of the story, runs of routine writes folded into one line each.</summary>
    /// <param name="trace">The run's trace.</param>
    public static IReadOnlyList<string> Lines(Trace trace)
    {
        var lines = new List<string>();
        var told = trace.Protocol.Where(e => Told.Contains(e.Kind)).ToList();
        for (int i = 0; i < told.Count; i++)
        {
            var entry = told[i];
            int last = i;
            while (last + 1 < told.Count && SameRoutineWrite(entry, told[last + 1]))
            {
                last++;
            }

            if (last - i >= 2)
            {
                var token = (entry.Detail as WriteDecision)?.Token;
                lines.Add($"{TraceEntry.FormatTime(entry.Time),12}  {entry.Node,-9} {last - i + 1} writes from {entry.Peer} {(token is null ? "without a token" : $"with {token}")} {(entry.Kind == TraceKind.WriteAccepted ? "accepted" : "refused")}, until {TraceEntry.FormatTime(told[last].Time)}");
                i = last;
                continue;
            }

            lines.Add($"{TraceEntry.FormatTime(entry.Time),12}  {entry.Node?.Name ?? "network",-9} {Describe(entry)}");
        }

        return lines;
    }

    /// <summary>Writes the story, the figures, the verdict and the replay command.</summary>
    /// <param name="result">The finished run.</param>
    /// <param name="output">Where to write.</param>
    public static void Tell(ScenarioResult result, TextWriter output)
    {
        output.WriteLine($"{result.Scenario.Name} ({result.Options}): {Headline(result)}");
        output.WriteLine();
        foreach (var line in Lines(result.Trace))
        {
            output.WriteLine(line);
        }

        output.WriteLine();
        output.WriteLine("Figures: " + string.Join(", ", result.Figures.Select(f => $"{f.Key} {f.Value}"))
            + $", writes accepted {result.AcceptedWrites}, refused {result.RejectedWrites}, most leaders at once {result.MaxLeadersAtOnce}");
        if (result.Violations.Count == 0)
        {
            output.WriteLine($"Verdict: safe. No invariant broken ({string.Join(", ", result.Scenario.Checks.Select(c => c.Id))}).");
        }
        else
        {
            output.WriteLine("Verdict: UNSAFE.");
            foreach (var violation in result.Violations)
            {
                output.WriteLine($"  {violation}");
            }
        }

        output.WriteLine($"Replay: course {result.Replay}   (trace {result.TraceHash[..16]}, {result.Events} events)");
    }

    /// <summary>
    /// What the run is about: the scenario's summary (the bug) when no protection is on, else what protects it.
    /// The summary's figures describe the unprotected run, so a protected run must not repeat them.
    /// </summary>
    /// <param name="result">The finished run.</param>
    public static string Headline(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var options = result.Options;
        bool anyDefence = options.Fencing || options.Margin == true || options.Tokens == true;
        return anyDefence ? $"with protection: {result.Scenario.Protection}" : result.Scenario.Summary;
    }

    private static bool SameRoutineWrite(TraceEntry a, TraceEntry b) =>
        a.Kind is TraceKind.WriteAccepted or TraceKind.WriteRejected
        && a.Kind == b.Kind && a.Node == b.Node && a.Peer == b.Peer
        && (a.Detail as WriteDecision)?.Token == (b.Detail as WriteDecision)?.Token;

    private static string Describe(TraceEntry entry) => entry.Kind switch
    {
        TraceKind.Elected => $"leads ({entry.Detail})",
        TraceKind.SteppedDown => $"stops leading ({entry.Detail})",
        TraceKind.WriteAccepted => $"accepts from {entry.Peer}: {entry.Detail}",
        TraceKind.WriteRejected => $"REFUSES from {entry.Peer}: {entry.Detail}",
        TraceKind.Acknowledged => $"tells {entry.Peer}: {entry.Detail}",
        TraceKind.JobRun => $"runs {entry.Detail} for {entry.Peer}",
        TraceKind.LeaseGranted => $"grants {entry.Detail}",
        TraceKind.LeaseExpired => $"lease expired: {entry.Detail}",
        TraceKind.Note or TraceKind.ClockChange => entry.Detail?.ToString() ?? "",
        TraceKind.Pause => $"freezes {entry.Detail}",
        TraceKind.Resume => "wakes up, unaware that time passed",
        TraceKind.Crash => "crashes",
        TraceKind.Restart => "restarts",
        TraceKind.Cut => $"can no longer reach {entry.Peer}",
        _ => $"{entry.Kind.ToString().ToLowerInvariant()} {entry.Detail}".TrimEnd(),
    };
}
