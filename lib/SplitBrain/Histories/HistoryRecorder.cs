namespace SplitBrain;

/// <summary>
/// Where the simulated clients write down what they asked and what they were told, as it happens, in
/// virtual time. It lives outside the simulation: recording touches neither the trace nor the randomness,
/// so a run with a recorder is the same run as one without.
/// </summary>
/// <remarks>
/// Each client name gets a process number in the order clients first invoke. A client that invokes again
/// while its last operation is still open (it restarted and forgot) leaves that operation indeterminate and
/// continues as a new process, as Jepsen's clients do.
/// </remarks>
public sealed class HistoryRecorder
{
    private readonly HistoryBuilder builder = new();
    private readonly Dictionary<string, long> processOf = new(StringComparer.Ordinal);
    private long nextProcess;

    /// <summary>Records that <paramref name="client"/> asked for <paramref name="function"/>.</summary>
    /// <param name="client">The client's name.</param>
    /// <param name="function">Like <c>withdraw</c>, <c>read</c>, <c>write</c>, <c>cas</c>.</param>
    /// <param name="argument">The value written, the amount, a cas's <c>[from to]</c> (as a list); null for a read.</param>
    /// <param name="at">The virtual time.</param>
    /// <param name="key">The key, for a key-value store.</param>
    public void Invoke(string client, string function, object? argument, TimeSpan at, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(function);
        if (!processOf.TryGetValue(client, out long process) || builder.IsOpen(process))
        {
            process = nextProcess++;
            processOf[client] = process;
        }

        builder.Invoke(process, function, key, argument, at);
    }

    /// <summary>Records that <paramref name="client"/>'s operation took effect with <paramref name="result"/>.</summary>
    /// <param name="client">The client's name.</param>
    /// <param name="result">What it was told: the value read, the amount paid, the value written.</param>
    /// <param name="at">The virtual time.</param>
    public void Ok(string client, object? result, TimeSpan at) => Complete(client, OperationOutcome.Ok, result, null, at);

    /// <summary>Records that <paramref name="client"/>'s operation certainly took no effect.</summary>
    /// <param name="client">The client's name.</param>
    /// <param name="result">The completion's value, usually the argument echoed.</param>
    /// <param name="error">Why, as a keyword name like <c>insufficient-funds</c>; null if not known.</param>
    /// <param name="at">The virtual time.</param>
    public void Fail(string client, object? result, string? error, TimeSpan at) =>
        Complete(client, OperationOutcome.Fail, result, error is null ? null : new Keyword(error), at);

    /// <summary>Records that <paramref name="client"/> gave up without knowing whether its operation took effect.</summary>
    /// <param name="client">The client's name.</param>
    /// <param name="error">Why, as a keyword name like <c>timed-out</c>.</param>
    /// <param name="at">The virtual time.</param>
    public void Info(string client, string error, TimeSpan at)
    {
        Complete(client, OperationOutcome.Info, null, new Keyword(error), at);

        // As in Jepsen, a process with an indeterminate operation never invokes again: the client continues as a new one.
        processOf.Remove(client);
    }

    /// <summary>The history so far; operations still open are indeterminate.</summary>
    public History ToHistory() => builder.Build();

    private void Complete(string client, OperationOutcome outcome, object? result, object? error, TimeSpan at)
    {
        if (processOf.TryGetValue(client, out long process))
        {
            builder.Complete(process, outcome, result, error, at);
        }
    }
}
