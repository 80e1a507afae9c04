namespace Course.Exercises;

/// <summary>A scheduler asking a worker to run a job (exercise 6).</summary>
/// <param name="JobId">Which job, for example <c>nightly-billing</c>.</param>
/// <param name="Token">The fencing token the scheduler got with its lease.</param>
public sealed record JobSubmission(string JobId, FencingToken Token);
