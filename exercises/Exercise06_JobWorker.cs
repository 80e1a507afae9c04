namespace Course.Exercises;

/// <summary>
/// <para><b>Exercise 6: a job worker that fences its scheduler.</b> Lesson: leases, clocks and pauses (the gc-pause scenario).</para>
/// <para><b>Task.</b> A worker runs jobs that schedulers hand it. Scheduler S1 holds a lease with token 33, pauses
/// for 40 s, and its lease expires; S2 takes over with token 34 and submits the same jobs. When S1 wakes up it still
/// believes it leads and submits too. Without a check in the worker, jobs run twice.</para>
/// <para><b>Rules from the lesson.</b> Remember the highest token seen on a job that ran. Refuse a submission
/// whose token is lower (<see cref="JobOutcome.RejectedStaleToken"/>): its scheduler was deposed; this check comes
/// first. Refuse a job that already ran, whoever submits it (<see cref="JobOutcome.RejectedAlreadyRan"/>). Run
/// everything else, in the order it arrives. An empty job id is a mistake: throw <see cref="ArgumentException"/>.</para>
/// <para><b>Hint.</b> A token, a set of job ids and a list in order are all the state you need.</para>
/// </summary>
public sealed class JobWorker
{
    /// <summary>The jobs this worker ran, in the order it ran them.</summary>
    public IReadOnlyList<string> JobsRun => throw new NotImplementedException();

    /// <summary>Decides about one submission, and runs the job if it may.</summary>
    /// <param name="submission">The job and the scheduler's token.</param>
    /// <returns>What the worker did.</returns>
    public JobOutcome Submit(JobSubmission submission) => throw new NotImplementedException();
}
