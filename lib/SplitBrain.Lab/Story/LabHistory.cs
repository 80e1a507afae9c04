using System.Diagnostics;

namespace SplitBrain.Lab;

/// <summary>
/// The lab's client history as it happens, in real time on the lab's one monotonic clock (a <see cref="Stopwatch"/>
/// started with the run), written down by the lab process, which drives every withdrawal:
/// <list type="bullet">
/// <item>the invocation is stamped <em>before</em> the lab sends the client its <c>write</c> command, so before the client can touch the store;</item>
/// <item>the completion is stamped when the client's <c>wrote</c> line arrives, which the client prints only after the transaction returned.</item>
/// </list>
/// So each operation's interval contains the moment its transaction took effect, as linearizability asks. A withdrawal
/// the guard refused is a <c>:fail</c> (the transaction rolled back: certainly no effect); one the lab never heard back
/// about stays open, an indeterminate <c>:info</c>.
/// </summary>
internal sealed class LabHistory(Stopwatch clock)
{
    /// <summary>The process that closes the history with a read of the balance.</summary>
    public const string Reader = "lab";

    private readonly HistoryRecorder recorder = new();
    private readonly Dictionary<long, string> names = [];
    private readonly Lock gate = new();

    /// <summary>Records that <paramref name="client"/> was asked to <paramref name="function"/>.</summary>
    public void Invoke(string client, string function, object? argument)
    {
        lock (gate)
        {
            recorder.Invoke(client, function, argument, clock.Elapsed);
            names[recorder.ToHistory().Operations[^1].Process] = client;
        }
    }

    /// <summary>Records the outcome of <paramref name="client"/>'s withdrawal of <paramref name="amount"/>, as the guard decided it.</summary>
    public void Withdrew(string client, long amount, bool accepted, string reason)
    {
        lock (gate)
        {
            if (accepted)
            {
                recorder.Ok(client, amount, clock.Elapsed);
            }
            else
            {
                recorder.Fail(client, amount, WithdrawalRules.HistoryError(reason), clock.Elapsed);
            }
        }
    }

    /// <summary>Records that <paramref name="client"/>'s operation returned <paramref name="result"/>.</summary>
    public void Ok(string client, object? result)
    {
        lock (gate)
        {
            recorder.Ok(client, result, clock.Elapsed);
        }
    }

    /// <summary>The history so far.</summary>
    public History ToHistory()
    {
        lock (gate)
        {
            return recorder.ToHistory();
        }
    }

    /// <summary>Checks the history against the bank account and says the verdict in the lab's words.</summary>
    public LabHistoryVerdict Check()
    {
        var history = ToHistory();
        var result = history.Check(Models.BankAccount);
        int withdrawals = history.Operations.Count(o => o.Function == "withdraw");
        int refused = history.Operations.Count(o => o.Function == "withdraw" && o.Outcome == OperationOutcome.Fail);
        string verdict = result.Verdict switch
        {
            Verdict.Linearizable =>
                $"linearizable: one account, taking one operation at a time, explains every answer ({string.Join(", then ", result.Linearization.Select(Words))})" +
                (refused > 0 ? $"; the {Plural(refused, "refused withdrawal")} took nothing, as the closing read confirms." : "."),
            Verdict.NotLinearizable => $"NOT linearizable: no single account explains the answers. {Words(result.Failure!.Stuck)} cannot be placed: {result.Failure.State}, and {result.Failure.Allowed}.",
            _ => $"undecided: {result.UnknownReason}",
        };
        return new LabHistoryVerdict(history.Count, withdrawals, result.Model, result.IsLinearizable, verdict, result.Failure is { } failure ? Words(failure.Stuck) : null);
    }

    private string Words(Operation operation)
    {
        string who = names.GetValueOrDefault(operation.Process, $"process {operation.Process}");
        return operation.Function switch
        {
            "deposit" => $"{who} opens it with ${operation.Argument}",
            "withdraw" => $"{who} withdraws ${operation.Argument} ({(operation.Outcome == OperationOutcome.Ok ? "paid" : operation.Outcome == OperationOutcome.Fail ? "refused" : "never heard back")})",
            "read" => $"{who} reads ${operation.Result}",
            _ => operation.ToString(),
        };
    }

    private static string Plural(int count, string what) => count == 1 ? what : $"{count} {what}s";
}
