namespace Course.Exercises;

/// <summary>Reference answer to exercise 6: a job worker that fences its scheduler (see exercises/Exercise06_JobWorker.cs).</summary>
public sealed class JobWorker
{
    private readonly List<string> run = [];
    private readonly HashSet<string> done = new(StringComparer.Ordinal);
    private FencingToken? highest;

    /// <summary>The jobs this worker ran, in the order it ran them.</summary>
    public IReadOnlyList<string> JobsRun => run;

    /// <summary>Decides about one submission, and runs the job if it may.</summary>
    /// <param name="submission">The job and the scheduler's token.</param>
    /// <returns>What the worker did.</returns>
    public JobOutcome Submit(JobSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (string.IsNullOrEmpty(submission.JobId))
        {
            throw new ArgumentException("A job id is not empty.", nameof(submission));
        }

        if (highest is { } seen && submission.Token < seen)
        {
            return JobOutcome.RejectedStaleToken;
        }

        if (!done.Add(submission.JobId))
        {
            return JobOutcome.RejectedAlreadyRan;
        }

        highest = submission.Token;
        run.Add(submission.JobId);
        return JobOutcome.Ran;
    }
}
