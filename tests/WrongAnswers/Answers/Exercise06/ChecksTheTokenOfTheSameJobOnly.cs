// Mistake: the token is compared with the token of the same job only, so a deposed scheduler runs jobs the new one has not sent
// Caught by: deposed
namespace Course.Exercises;

/// <summary>A wrong answer to exercise 6, as a learner might write it (see the Mistake line above).</summary>
public sealed class JobWorker
{
    private readonly List<string> run = [];
    private readonly HashSet<string> done = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FencingToken> highest = new(StringComparer.Ordinal);

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

        if (highest.TryGetValue(submission.JobId, out var seen) && submission.Token < seen)
        {
            return JobOutcome.RejectedStaleToken;
        }

        if (!done.Add(submission.JobId))
        {
            return JobOutcome.RejectedAlreadyRan;
        }

        highest[submission.JobId] = submission.Token;
        run.Add(submission.JobId);
        return JobOutcome.Ran;
    }
}
