// Mistake: an indeterminate operation is legal but never changes the balance
// Caught by: an indeterminate withdrawal placed here takes effect
namespace Course.Exercises;

/// <summary>A wrong answer to exercise 11, as a learner might write it (see the Mistake line above).</summary>
public sealed class AccountModel
{
    /// <summary>The balance before any operation.</summary>
    public long Init() => 0;

    /// <summary>Whether a single account with <paramref name="balance"/> could answer <paramref name="operation"/> as it was answered.</summary>
    /// <param name="balance">The balance before the operation.</param>
    /// <param name="operation">The operation, with its outcome and result.</param>
    /// <param name="next">The balance after it.</param>
    /// <returns>True if the answer is possible in that state.</returns>
    public bool Step(long balance, Operation operation, out long next)
    {
        next = balance;
        if (operation.Outcome == OperationOutcome.Fail)
        {
            return true;
        }

        switch (operation.Function)
        {
            case "deposit":
                if (operation.Outcome == OperationOutcome.Ok)
                {
                    next = balance + (long)operation.Argument!;
                }

                return true;
            case "withdraw":
                long amount = (long)operation.Argument!;
                if (operation.Outcome == OperationOutcome.Info)
                {
                    return true;
                }

                if (balance >= amount)
                {
                    next = balance - amount;
                    return true;
                }

                return operation.Outcome == OperationOutcome.Info;
            case "read":
                return operation.Outcome == OperationOutcome.Info || (operation.Result is long seen && seen == balance);
            default:
                return false;
        }
    }
}
