namespace SplitBrain;

/// <summary>A scheduler asks a worker to run job <paramref name="JobId"/>.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Token">The scheduler's fencing token.</param>
public sealed record SubmitJob(int JobId, FencingToken Token) : Message;

/// <summary>The detail of a <see cref="TraceKind.JobRun"/> line.</summary>
/// <param name="JobId">The job that ran.</param>
/// <param name="Token">The token it was submitted with.</param>
public sealed record JobExecution(int JobId, FencingToken Token)
{
    /// <summary>Reads like <c>job 3 (token 34)</c>.</summary>
    public override string ToString() => $"job {JobId} ({Token})";
}
