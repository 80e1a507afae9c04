namespace SplitBrain;

/// <summary>
/// A worker's decision about one submitted job, written by you: return null to run the job, or the reason
/// for refusing it (for example "token 33 is lower than 34, already seen"). The gc-pause scenario can put
/// your decision in every worker (see <see cref="GcPauseScenario(Func{JobGate}?)"/>).
/// </summary>
/// <param name="jobId">The job's number.</param>
/// <param name="token">The fencing token of the scheduler that submitted it.</param>
/// <returns>Null to run the job; otherwise why it is refused.</returns>
public delegate string? JobGate(int jobId, FencingToken token);
