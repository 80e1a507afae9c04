namespace SplitBrain;

/// <summary>
/// A bank customer's app. At a set time it asks a server for a withdrawal; if that server is not the
/// leader or does not answer, it tries the server it was pointed to, or the next one it can think of.
/// </summary>
public sealed class BankClient : Node
{
    /// <summary>How long the client waits for an answer before it tries another server.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(1);

    /// <summary>How many servers the client tries before it gives up.</summary>
    public const int MaxAttempts = 6;

    private readonly string[] servers;
    private readonly TimeSpan at;
    private readonly WithdrawRequest request;
    private readonly HistoryRecorder? history;
    private int attempts;
    private int next;
    private TimerId? timeout;

    /// <summary>Makes a client that withdraws <paramref name="amount"/> at <paramref name="at"/>.</summary>
    /// <param name="requestId">Names the withdrawal.</param>
    /// <param name="amount">Dollars to withdraw; more than zero.</param>
    /// <param name="at">When, on the client's clock.</param>
    /// <param name="servers">The servers it knows, the one it tries first at the front.</param>
    /// <param name="history">Where the client writes down what it asked and what it was told; null to keep no history.</param>
    public BankClient(string requestId, long amount, TimeSpan at, IReadOnlyList<string> servers, HistoryRecorder? history = null)
    {
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A withdrawal takes more than $0.");
        }

        ArgumentNullException.ThrowIfNull(servers);
        if (servers.Count == 0)
        {
            throw new ArgumentException("A client must know at least one server.", nameof(servers));
        }

        request = new WithdrawRequest(requestId, amount);
        this.at = at;
        this.servers = [.. servers];
        this.history = history;
    }

    /// <summary>What happened to the withdrawal: <c>paid</c>, <c>refused: …</c>, <c>gave up</c>, or null while waiting.</summary>
    public string? Outcome { get; private set; }

    /// <inheritdoc />
    public override void OnStart()
    {
        if (Outcome is null)
        {
            SetTimer(at, "withdraw");
        }
    }

    /// <inheritdoc />
    public override void OnTimer(object tag)
    {
        if (tag is "withdraw")
        {
            history?.Invoke(Id.Name, "withdraw", request.Amount, Simulation.Now);
            TrySend(servers[0]);
        }
        else if (tag is "timeout" && Outcome is null)
        {
            timeout = null;
            TrySend(servers[++next % servers.Length]);
        }
    }

    /// <inheritdoc />
    public override void OnMessage(Message message, NodeId from)
    {
        if (Outcome is not null)
        {
            return;
        }

        switch (message)
        {
            case Paid:
                history?.Ok(Id.Name, request.Amount, Simulation.Now);
                Finish("paid");
                break;
            case Refused refused:
                history?.Fail(Id.Name, request.Amount, RefusalError(refused.Reason), Simulation.Now);
                Finish(refused.Reason.StartsWith("refused", StringComparison.Ordinal) ? refused.Reason : $"refused: {refused.Reason}");
                break;
            case NotLeader notLeader:
                string target = notLeader.Hint is { } hint && hint != from && servers.Contains(hint.Name)
                    ? hint.Name
                    : servers[++next % servers.Length];
                TrySend(target);
                break;
        }
    }

    private void TrySend(string server)
    {
        if (timeout is { } pending)
        {
            CancelTimer(pending);
        }

        if (++attempts > MaxAttempts)
        {
            history?.Info(Id.Name, "timed-out", Simulation.Now);
            Finish("gave up");
            return;
        }

        Send(Simulation[server], request);
        timeout = SetTimer(RequestTimeout, "timeout");
    }

    private static string RefusalError(string reason) =>
        reason.Contains("insufficient", StringComparison.Ordinal) ? "insufficient-funds"
        : reason.Contains("token", StringComparison.Ordinal) ? "fenced"
        : "refused";

    private void Finish(string outcome)
    {
        Outcome = outcome;
        if (timeout is { } pending)
        {
            CancelTimer(pending);
            timeout = null;
        }

        Record(TraceKind.Note, $"{request.RequestId} (${request.Amount}): {outcome}");
    }
}
