namespace Course.Exercises;

/// <summary>What a worker did with a submission (exercise 6).</summary>
public enum JobOutcome
{
    /// <summary>The worker ran the job.</summary>
    Ran,

    /// <summary>Refused: the token is lower than one the worker has seen, so the scheduler was deposed.</summary>
    RejectedStaleToken,

    /// <summary>Refused: this job already ran; running it again would do its work twice.</summary>
    RejectedAlreadyRan,
}
