namespace SplitBrain.Lab;

/// <summary>
/// A load writer for the lab's durability and concurrency tests: one process that withdraws $1 per token, for a
/// list of tokens it is given, as fast as the store allows, and prints <c>wrote</c> with the verdict only after
/// the commit returned (an acknowledged write). It waits for a <c>go</c> line first, so two writers start together.
/// </summary>
public static class LabWriter
{
    /// <summary>Runs the writer.</summary>
    /// <param name="name">The writer's name.</param>
    /// <param name="ledger">The store to write to.</param>
    /// <param name="tokens">The tokens to write with, in order.</param>
    /// <param name="input">Where <c>go</c> comes from.</param>
    /// <param name="output">Where the lines go.</param>
    /// <param name="cancellationToken">Stops the writer.</param>
    public static async Task<int> RunAsync(string name, IFencedLedger ledger, IEnumerable<long> tokens, TextReader input, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(new ClientLine("ready", name).ToJson());
        output.Flush();
        await input.ReadLineAsync(cancellationToken);
        foreach (long token in tokens)
        {
            var verdict = await ledger.WithdrawAsync(name, new FencingToken(token), 1, cancellationToken);
            output.WriteLine(new ClientLine("wrote", name, token, verdict.Accepted, verdict.Balance, verdict.Reason).ToJson());
            output.Flush();
        }

        output.WriteLine(new ClientLine("done", name).ToJson());
        output.Flush();
        return 0;
    }
}
