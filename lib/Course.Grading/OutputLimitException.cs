namespace Course.Grading;

/// <summary>Thrown into a test that printed past the limit, to stop the flood; the test fails for its output.</summary>
internal sealed class OutputLimitException() : Exception("The test printed more output than a test may.");
