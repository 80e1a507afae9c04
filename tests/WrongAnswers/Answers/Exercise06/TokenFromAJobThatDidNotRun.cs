// Mistake: the highest token is taken from every submission that passes the token check, even one refused as already run
// Caught by: a job that ran
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

        if (highest is { } seen && submission.Token < seen)
        {
            return JobOutcome.RejectedStaleToken;
        }

        highest = submission.Token;
        if (!done.Add(submission.JobId))
        {
            return JobOutcome.RejectedAlreadyRan;
        }

        run.Add(submission.JobId);
        return JobOutcome.Ran;
    }
}
