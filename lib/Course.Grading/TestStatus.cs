namespace Course.Grading;

/// <summary>How one graded test ended, in the words of Exercism's test-runner interface.</summary>
public enum TestStatus
{
    /// <summary>The test passed: its points are earned.</summary>
    Pass,

    /// <summary>The test failed, threw, timed out, crashed its process or printed too much.</summary>
    Fail,

    /// <summary>The test could not run at all, for example because the code did not build.</summary>
    Error,
}
