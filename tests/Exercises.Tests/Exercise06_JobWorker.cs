namespace Course.Exercises.Graded;

/// <summary>Graded tests of exercise 6: a job worker that fences its scheduler.</summary>
[Exercise(6, "Job worker", Lesson = 3, Hint = "Check the token first (lower than the highest seen: stale), then whether the job already ran.")]
public sealed class Exercise06_JobWorker
{
    /// <summary>Jobs from the current scheduler run, in order.</summary>
    [Fact, Points(1)]
    public void Task1_RunsJobsFromTheCurrentScheduler()
    {
        var worker = new JobWorker();
        Expect.Returns(JobOutcome.Ran, worker.Submit(new JobSubmission("job-1", new FencingToken(33))), "Submit(job-1, token 33)", "the first submission runs");
        Expect.Returns(JobOutcome.Ran, worker.Submit(new JobSubmission("job-2", new FencingToken(33))), "Submit(job-2, token 33)", "the same scheduler may submit again");
        Expect.Returns("[\"job-1\", \"job-2\"]", Expect.Show(worker.JobsRun), "JobsRun", "both jobs ran, in order");
    }

    /// <summary>The gc-pause scenario: S1 (token 33) wakes after S2 (token 34) took over.</summary>
    [Fact, Points(3)]
    public void Task2_RefusesTheDeposedScheduler()
    {
        var worker = new JobWorker();
        worker.Submit(new JobSubmission("job-1", new FencingToken(33)));
        worker.Submit(new JobSubmission("job-2", new FencingToken(34)));
        Expect.Returns(JobOutcome.RejectedStaleToken, worker.Submit(new JobSubmission("job-3", new FencingToken(33))), "Submit(job-3, token 33) after token 34", "scheduler 33 was deposed by 34 during its pause");
        Expect.Returns(JobOutcome.RejectedStaleToken, worker.Submit(new JobSubmission("job-2", new FencingToken(33))), "Submit(job-2, token 33) after token 34", "the stale token is checked first");
        Expect.Returns("[\"job-1\", \"job-2\"]", Expect.Show(worker.JobsRun), "JobsRun", "job-3 from the deposed scheduler must not run");
        Expect.Returns(JobOutcome.Ran, worker.Submit(new JobSubmission("job-3", new FencingToken(34))), "Submit(job-3, token 34) after the stale job-3 was refused", "job-3 never ran: a refused submission is not a run, so check the token before recording the job as done");
        Expect.Returns("[\"job-1\", \"job-2\", \"job-3\"]", Expect.Show(worker.JobsRun), "JobsRun", "the current scheduler's job-3 runs once");
    }

    /// <summary>No job runs twice, whoever submits it.</summary>
    [Fact, Points(2)]
    public void Task3_NeverRunsAJobTwice()
    {
        var worker = new JobWorker();
        worker.Submit(new JobSubmission("nightly-billing", new FencingToken(33)));
        Expect.Returns(JobOutcome.RejectedAlreadyRan, worker.Submit(new JobSubmission("nightly-billing", new FencingToken(34))), "Submit(nightly-billing, token 34) after it ran with 33", "running a job twice bills twice");
        Expect.Returns(JobOutcome.Ran, worker.Submit(new JobSubmission("invoices", new FencingToken(33))), "Submit(invoices, token 33) after nightly-billing with token 34 was refused as already run", "the highest token is the one on a job that ran, still 33: a submission that did not run deposes nobody");
        Expect.Returns(JobOutcome.Ran, worker.Submit(new JobSubmission("report", new FencingToken(34))), "Submit(report, token 34)", "a new job from the new scheduler runs");
        Expect.Returns(JobOutcome.RejectedStaleToken, worker.Submit(new JobSubmission("cleanup", new FencingToken(33))), "Submit(cleanup, token 33) after a job ran with 34", "34 deposed 33");
        Expect.Rejects(() => worker.Submit(new JobSubmission("", new FencingToken(35))), "submission", "Submit with an empty job id");
    }
}
