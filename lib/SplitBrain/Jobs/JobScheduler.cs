namespace SplitBrain;

/// <summary>
/// The scheduler of the job-pool story: while it holds the lease, once its clock reaches
/// <paramref name="batchAt"/>, it submits the pending batch of jobs to the workers, round robin.
/// </summary>
/// <param name="settings">How it gets and trusts its lease.</param>
/// <param name="workers">The worker node names.</param>
/// <param name="batch">The job ids of the pending batch.</param>
/// <param name="batchAt">When the batch is due, on the scheduler's clock.</param>
public sealed class JobScheduler(LeaseHolderSettings settings, IReadOnlyList<string> workers, IReadOnlyList<int> batch, TimeSpan batchAt)
    : LeaseHolder(settings)
{
    private bool submitted;

    /// <inheritdoc />
    protected override bool WantsToWork => !submitted && Clock.LocalTime >= batchAt;

    /// <inheritdoc />
    protected override void Act(FencingToken token)
    {
        if (submitted)
        {
            return;
        }

        submitted = true;
        Record(TraceKind.Note, $"submits the batch of {batch.Count} jobs with {token}");
        for (int i = 0; i < batch.Count; i++)
        {
            Send(Simulation[workers[i % workers.Count]], new SubmitJob(batch[i], token));
        }
    }
}
