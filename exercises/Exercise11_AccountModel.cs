namespace Course.Exercises;

/// <summary>
/// <para><b>Exercise 11: the bank account as a sequential model.</b> Lesson: what the clients saw (histories and linearizability).</para>
/// <para><b>Task.</b> A linearizability checker asks one question again and again: "if the account were one single copy
/// with this balance, could this operation have been told what it was told, and what is the balance after it?" Write
/// that step. The course's checker (<see cref="Linearizability"/>) then searches the orders for you.</para>
/// <para><b>Rules from the lesson.</b> The account starts at $0. <c>deposit</c> adds its amount. <c>withdraw</c> pays only
/// when the balance covers the amount (a balance equal to it covers it). <c>read</c> returns the balance. The
/// operation's <see cref="Operation.Argument"/> is the amount (a <see cref="long"/>); a read's
/// <see cref="Operation.Result"/> is the balance it returned. By outcome: <c>Ok</c> took effect and must be possible;
/// <c>Fail</c> certainly took no effect (always legal, nothing changes); <c>Info</c> is indeterminate: legal, and if it
/// takes effect here it does what it would (a withdrawal only if covered).</para>
/// <para><b>Hint.</b> Set <c>next = balance</c> first; then one <c>switch</c> on <see cref="Operation.Function"/>.</para>
/// </summary>
public sealed class AccountModel
{
    /// <summary>The balance before any operation.</summary>
    public long Init() => throw new NotImplementedException();

    /// <summary>Whether a single account with <paramref name="balance"/> could answer <paramref name="operation"/> as it was answered.</summary>
    /// <param name="balance">The balance before the operation.</param>
    /// <param name="operation">The operation, with its outcome and result.</param>
    /// <param name="next">The balance after it.</param>
    /// <returns>True if the answer is possible in that state.</returns>
    public bool Step(long balance, Operation operation, out long next) => throw new NotImplementedException();
}
