namespace SplitBrain;

/// <summary>
/// Pairs invocations with completions, one open operation per process, numbering events as they come.
/// The readers of history files and the simulator's <see cref="HistoryRecorder"/> both build through it.
/// </summary>
internal sealed class HistoryBuilder
{
    private readonly List<Operation> operations = [];
    private readonly Dictionary<long, int> open = [];
    private long events;

    /// <summary>Whether <paramref name="process"/> has an operation in flight.</summary>
    public bool IsOpen(long process) => open.ContainsKey(process);

    /// <summary>Records an invocation; returns false if the process already has one in flight.</summary>
    public bool Invoke(long process, string function, string? key, object? argument, TimeSpan? at)
    {
        if (open.ContainsKey(process))
        {
            return false;
        }

        open[process] = operations.Count;
        operations.Add(new Operation
        {
            Id = operations.Count,
            Process = process,
            Function = string.Intern(function),
            Key = key,
            Argument = argument,
            Outcome = OperationOutcome.Info,
            Invoked = events++,
            InvokedAt = at,
        });
        return true;
    }

    /// <summary>Records a completion; returns false if the process has no operation in flight.</summary>
    public bool Complete(long process, OperationOutcome outcome, object? result, object? error, TimeSpan? at)
    {
        if (!open.Remove(process, out int index))
        {
            return false;
        }

        var operation = operations[index];
        operations[index] = outcome == OperationOutcome.Info
            ? operation with { Error = error, CompletedAt = at }
            : operation with { Outcome = outcome, Result = result, Error = error, Completed = events, CompletedAt = at };
        events++;
        return true;
    }

    /// <summary>The function of the operation <paramref name="process"/> has in flight.</summary>
    public string OpenFunction(long process) => operations[open[process]].Function;

    /// <summary>The history so far; operations still open are indeterminate.</summary>
    public History Build() => new([.. operations]);
}
