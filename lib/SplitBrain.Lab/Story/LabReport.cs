namespace SplitBrain.Lab;

/// <summary>What one run of the lab did and found: the story, the tokens, the verdicts and the timing.</summary>
public sealed record LabReport
{
    /// <summary>The store used, after any fallback.</summary>
    public required string Store { get; init; }

    /// <summary>The coordinator used, after any fallback.</summary>
    public required string Coordinator { get; init; }

    /// <summary>etcd members started; 0 with the embedded coordinator.</summary>
    public required int EtcdNodes { get; init; }

    /// <summary>How long client 1 was frozen, in seconds.</summary>
    public required double PauseSeconds { get; init; }

    /// <summary>The lease's time to live, in seconds.</summary>
    public required double TtlSeconds { get; init; }

    /// <summary>Wall-clock seconds of the whole run, servers included.</summary>
    public double WallSeconds { get; init; }

    /// <summary>What the lab had to change: a missing server and the fallback it used.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>The story, in order.</summary>
    public required IReadOnlyList<LabEvent> Events { get; init; }

    /// <summary>Client 1's token.</summary>
    public long FirstToken { get; init; }

    /// <summary>Client 2's token: higher.</summary>
    public long SecondToken { get; init; }

    /// <summary>Whether client 1's late write, with its old token, was refused by the guard: the lab's point.</summary>
    public bool StaleWriteRefused { get; init; }

    /// <summary>The balance at the end.</summary>
    public long FinalBalance { get; init; }

    /// <summary>The highest token the store keeps at the end.</summary>
    public long HighestToken { get; init; }

    /// <summary>Every accepted withdrawal, from the store's audit table.</summary>
    public IReadOnlyList<AuditRow> Audit { get; init; } = [];

    /// <summary>The extra act with 3 etcd members, if it ran.</summary>
    public EtcdElectionAct? EtcdElection { get; init; }

    /// <summary>
    /// What the clients asked and were told, in real seconds since the lab started: the opening deposit, every
    /// withdrawal (paid <c>:ok</c>, refused <c>:fail</c>), the closing read. Written by <c>course lab --history FILE</c>;
    /// not part of the JSON (the file is).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public History? History { get; init; }

    /// <summary>The history checked for linearizability against the bank account; null if the run kept none.</summary>
    public LabHistoryVerdict? HistoryVerdict { get; init; }

    /// <summary>The process ids of every server and client the lab started; none runs after the lab.</summary>
    public IReadOnlyList<int> Pids { get; init; } = [];

    /// <summary>The temporary folder that held the servers' data; deleted at the end.</summary>
    public string WorkFolder { get; init; } = "";
}
