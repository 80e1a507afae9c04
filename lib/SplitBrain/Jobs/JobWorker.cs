namespace SplitBrain;

/// <summary>
/// A worker in a job pool. It runs what schedulers submit. A checking worker remembers the highest
/// scheduler token it has seen (durably) and refuses submissions with a lower one; a trusting worker runs
/// everything, which is how a deposed scheduler's late batch runs twice. A checking worker also keeps the
/// list of jobs it has run, with its token, as storage keeps its data: a job it has already run is not run again.
/// </summary>
public sealed class JobWorker : Node
{
    private readonly bool checksTokens;
    private readonly JobGate? gate;

    /// <summary>A worker that checks tokens, or trusts every scheduler.</summary>
    /// <param name="checksTokens">Whether the worker checks fencing tokens.</param>
    public JobWorker(bool checksTokens) => this.checksTokens = checksTokens;

    /// <summary>A worker that asks <paramref name="gate"/>, your code, about every job.</summary>
    /// <param name="gate">Decides whether each job runs.</param>
    public JobWorker(JobGate gate) => this.gate = gate ?? throw new ArgumentNullException(nameof(gate));

    /// <inheritdoc />
    public override void OnMessage(Message message, NodeId from)
    {
        if (message is not SubmitJob submit)
        {
            return;
        }

        if (gate is not null)
        {
            Decide(submit, from);
            return;
        }

        long highest = Durable.Get("highestToken", long.MinValue);
        string operation = $"run job {submit.JobId}";
        if (checksTokens && submit.Token.Value < highest)
        {
            Record(TraceKind.WriteRejected, new WriteDecision(operation, submit.Token, $"refused: {submit.Token} < highest seen {highest}"), from);
            return;
        }

        var done = Durable.Get<HashSet<int>?>("jobsRun", null) ?? [];
        if (checksTokens && done.Contains(submit.JobId))
        {
            Record(TraceKind.WriteRejected, new WriteDecision(operation, submit.Token, $"refused: job {submit.JobId} already ran here"), from);
            return;
        }

        done.Add(submit.JobId);
        Durable.Set("jobsRun", done);
        Durable.Set("highestToken", Math.Max(highest, submit.Token.Value));
        Record(TraceKind.WriteAccepted, new WriteDecision(operation, submit.Token, checksTokens ? "ok" : "no check"), from);
        Record(TraceKind.JobRun, new JobExecution(submit.JobId, submit.Token), from);
    }

    private void Decide(SubmitJob submit, NodeId from)
    {
        string operation = $"run job {submit.JobId}";
        if (gate!(submit.JobId, submit.Token) is { } refusal)
        {
            Record(TraceKind.WriteRejected, new WriteDecision(operation, submit.Token, $"refused by your worker: {refusal}"), from);
            return;
        }

        Record(TraceKind.WriteAccepted, new WriteDecision(operation, submit.Token, "ok (your worker)"), from);
        Record(TraceKind.JobRun, new JobExecution(submit.JobId, submit.Token), from);
    }
}
