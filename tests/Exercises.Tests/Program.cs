namespace Course.Exercises.Graded;

/// <summary>
/// The entry point <c>course grade</c> starts in a child process: it runs the graded tests one at a time and
/// reports each to the grader. <c>dotnet test</c> does not use it.
/// </summary>
public static class Program
{
    /// <summary>Runs the graded tests for the grader.</summary>
    /// <param name="args">Unused: the grader hands the worker its secret and its tests on standard input.</param>
    public static int Main(string[] args) => GradingWorker.Run(typeof(Program).Assembly, args);
}
