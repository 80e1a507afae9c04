// Mistake: whether the job already ran is checked before its token, so a deposed scheduler is told "already ran" instead of "stale"
// Caught by: the stale token is checked first
namespace Course.Exercises;

/// <summary>A wrong answer to exercise 6, as a learner might write it (see the Mistake line above).</summary>
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

        if (done.Contains(submission.JobId))
        {
            return JobOutcome.RejectedAlreadyRan;
        }

        if (highest is { } seen && submission.Token < seen)
        {
            return JobOutcome.RejectedStaleToken;
        }

        done.Add(submission.JobId);

        highest = submission.Token;
        run.Add(submission.JobId);
        return JobOutcome.Ran;
    }
}
