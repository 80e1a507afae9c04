namespace SplitBrain;

/// <summary><c>job-once</c>: no job runs twice.</summary>
public sealed class JobOnce : IChecker
{
    /// <inheritdoc />
    public string Id => "job-once";

    /// <inheritdoc />
    public string Description => "No job runs twice.";

    /// <inheritdoc />
    public IEnumerable<Violation> Check(RunFacts facts)
    {
        var runs = new Dictionary<int, TraceEntry>();
        var twice = new List<(TraceEntry First, TraceEntry Again)>();
        foreach (var entry in facts.Trace.Protocol)
        {
            if (entry.Kind != TraceKind.JobRun || entry.Detail is not JobExecution run)
            {
                continue;
            }

            if (runs.TryGetValue(run.JobId, out var first))
            {
                twice.Add((first, entry));
            }
            else
            {
                runs[run.JobId] = entry;
            }
        }

        if (twice.Count > 0)
        {
            var (first, again) = twice[0];
            yield return new Violation(Id,
                $"{twice.Count} job runs were repeats; first: {first.Detail} on {first.Node} at {TraceEntry.FormatTime(first.Time)}, again as {again.Detail} on {again.Node} at {TraceEntry.FormatTime(again.Time)}",
                twice.SelectMany(t => new[] { t.First, t.Again }).ToArray());
        }
    }
}
