namespace SplitBrain;

/// <summary>The JSON shape of one scenario run, as <c>course run --json</c> prints it.</summary>
public static class RunReport
{
    /// <summary>Turns a result into an object that serialises to the documented shape.</summary>
    /// <param name="result">The finished run.</param>
    public static Dictionary<string, object?> ToJson(ScenarioResult result)
    {
        var json = new Dictionary<string, object?>
        {
            ["scenario"] = result.Scenario.Name,
            ["seed"] = result.Options.Seed,
            ["fencing"] = result.Options.Fencing,
            ["quorum"] = result.Options.Quorum,
            ["events"] = result.Events,
            ["traceLines"] = result.Trace.Count,
            ["traceHash"] = result.TraceHash,
            ["violations"] = result.Violations.Select(v => new { invariant = v.Invariant, message = v.Message }).ToArray(),
            ["writes"] = new { accepted = result.AcceptedWrites, rejected = result.RejectedWrites },
            ["maxLeadersAtOnce"] = result.MaxLeadersAtOnce,
            ["checks"] = result.Scenario.Checks.Select(c => c.Id).ToArray(),
            ["replay"] = result.Replay,
        };
        foreach (var (figure, value) in result.Figures)
        {
            json[figure.Name] = value;
        }

        return json;
    }
}
