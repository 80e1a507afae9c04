namespace SplitBrain.Lab;

/// <summary>The argument checks every lab ledger makes before it touches its store.</summary>
internal static class WithdrawalRules
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the bad argument.</summary>
    public static void Check(string writer, FencingToken token, long amount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(writer);
        if (token.Value < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(token), token.Value, "A fencing token is 1 or more: coordinators hand out positive, rising numbers.");
        }

        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A withdrawal takes more than $0.");
        }
    }

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> for a negative opening balance.</summary>
    public static void CheckOpening(long openingBalance)
    {
        if (openingBalance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(openingBalance), openingBalance, "An opening balance is zero or more dollars.");
        }
    }

    /// <summary>The reason text for a stale token, in the simulation's words.</summary>
    public static string Stale(FencingToken token, long highest) => $"refused: {token} < highest seen {highest}";

    /// <summary>The reason text for a withdrawal the balance does not cover.</summary>
    public static string Uncovered(long balance, long amount) => $"refused: balance ${balance} does not cover ${amount}";

    /// <summary>
    /// The error a refusal is recorded with in a client history, in the simulator's words: <c>fenced</c> for a stale
    /// token (<see cref="Stale"/>), <c>insufficient-funds</c> for a balance that does not cover it (<see cref="Uncovered"/>).
    /// </summary>
    public static string HistoryError(string reason) =>
        reason.Contains("highest seen", StringComparison.Ordinal) ? "fenced"
        : reason.Contains("does not cover", StringComparison.Ordinal) ? "insufficient-funds"
        : "refused";
}
