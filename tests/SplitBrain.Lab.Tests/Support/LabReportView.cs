namespace SplitBrain.Lab.Tests.Support;

/// <summary>The JSON of <c>course lab --json</c>, read back as plain records, as any other program would read it.</summary>
public sealed record LabReportView(
    string Store, string Coordinator, int EtcdNodes, double PauseSeconds, double TtlSeconds, double WallSeconds,
    List<string> Notes, List<LabEventView> Events, long FirstToken, long SecondToken, bool StaleWriteRefused,
    long FinalBalance, long HighestToken, List<AuditView> Audit, LabElectionView? EtcdElection, LabHistoryView? HistoryVerdict, List<int> Pids, string WorkFolder);

public sealed record LabHistoryView(int Operations, int Withdrawals, string Model, bool? Linearizable, string Verdict, string? CannotPlace);

public sealed record LabEventView(double Seconds, string Actor, string Kind, long? Token, string Detail);

public sealed record AuditView(long Sequence, string Writer, TokenView Token, long Amount, long BalanceAfter);

public sealed record TokenView(long Value);

public sealed record LabElectionView(string FrozenLeader, ulong TermBefore, string NewLeader, ulong TermAfter, double ElectionSeconds, long TokenAfter, bool WriteAfterAccepted, bool StaleStillRefused);
