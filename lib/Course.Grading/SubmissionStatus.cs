namespace Course.Grading;

/// <summary>How one submission of a batch ended, as the gradebook's status column says it.</summary>
public enum SubmissionStatus
{
    /// <summary>Every graded test passed: full marks.</summary>
    Pass,

    /// <summary>Some graded test failed (and none timed out).</summary>
    Fail,

    /// <summary>Nothing could be graded: no exercises folder, code that does not build, a build that ran too long.</summary>
    Error,

    /// <summary>At least one graded test ran past the time limit (an endless loop or a wait nothing ends); the other tests still count.</summary>
    Timeout,

    /// <summary>The submission's time cap ran out (tests hung or ran long one after another): the tests without a result earned nothing.</summary>
    TimeCap,
}
