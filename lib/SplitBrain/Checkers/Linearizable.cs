namespace SplitBrain;

/// <summary>
/// linearizable: some order of the clients' operations, each at one instant between its invocation and its
/// completion, gives every answer they were told, for the model the history's operations call for.
/// </summary>
public sealed class Linearizable : IChecker
{
    /// <summary>The search budget for a run's history: far more than a scenario's few dozen operations need.</summary>
    public const long MaxSteps = 5_000_000;

    /// <inheritdoc />
    public string Id => "linearizable";

    /// <inheritdoc />
    public string Description => "one single copy, applying the operations one at a time, could have told every client what it was told";

    /// <inheritdoc />
    public IEnumerable<Violation> Check(RunFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.History is not { Count: > 0 } history)
        {
            yield break;
        }

        var result = Models.Infer(history).Check(history, new CheckOptions { MaxSteps = MaxSteps });
        if (result.Failure is { } failure)
        {
            string when = failure.Stuck.CompletedAt is { } at ? $" (completed at {TraceEntry.FormatTime(at)})" : "";
            yield return new Violation(Id, $"no single copy explains the history: {failure.Returned}{when}, but after the {failure.Prefix.Count} operations before it {failure.State}, so {failure.Allowed}", []);
        }
        else if (result.Verdict == Verdict.Unknown)
        {
            yield return new Violation(Id, $"the check could not decide: {result.UnknownReason}", []);
        }
    }
}
