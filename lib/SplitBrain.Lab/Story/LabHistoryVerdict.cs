namespace SplitBrain.Lab;

/// <summary>
/// What the lab's clients saw, checked: the history of the run (the opening deposit, every withdrawal, the lab's
/// closing read of the balance) against the bank account the simulator's <c>bank-ledger</c> uses
/// (<see cref="Models.BankAccount"/>), by the course's linearizability checker.
/// </summary>
/// <param name="Operations">Operations in the history.</param>
/// <param name="Withdrawals">Withdrawals among them, paid or refused.</param>
/// <param name="Model">The model it was checked against: <c>bank</c>.</param>
/// <param name="Linearizable">True, false, or null when the checker could not decide.</param>
/// <param name="Verdict">The verdict in words, with the order a single account follows, or the withdrawal that cannot be placed.</param>
/// <param name="CannotPlace">For a no: the operation that cannot be placed, with what it was told; otherwise null.</param>
public sealed record LabHistoryVerdict(int Operations, int Withdrawals, string Model, bool? Linearizable, string Verdict, string? CannotPlace = null);
