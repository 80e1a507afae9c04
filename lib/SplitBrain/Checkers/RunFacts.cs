namespace SplitBrain;

/// <summary>What a checker may know about a finished run besides its trace.</summary>
/// <param name="Trace">Everything that happened.</param>
/// <param name="InitialBalance">The account's opening balance, for runs with a bank ledger.</param>
/// <param name="FinalLedger">The ledger as the store holds it at the end, for runs with a bank ledger.</param>
public sealed record RunFacts(Trace Trace, long? InitialBalance = null, Ledger? FinalLedger = null)
{
    /// <summary>What the clients asked and were told, for scenarios whose clients keep a history; null otherwise.</summary>
    public History? History { get; init; }
}
