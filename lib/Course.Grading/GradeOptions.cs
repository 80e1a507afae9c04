namespace Course.Grading;

/// <summary>What to grade and how long anything may take.</summary>
/// <param name="Root">The course repository: the folder with exercises/ and tests/Exercises.Tests/.</param>
public sealed record GradeOptions(string Root)
{
    /// <summary>Grade solutions/ instead of exercises/.</summary>
    public bool Solutions { get; init; }

    /// <summary>Grade only this exercise; null for all.</summary>
    public int? Exercise { get; init; }

    /// <summary>How long one test may run before it fails with "timed out".</summary>
    public TimeSpan TestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the build may take.</summary>
    public TimeSpan BuildTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Where to build, outside the repository; null for a folder under the system's temp folder.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>The folder graded: exercises or solutions.</summary>
    public string Folder => Solutions ? "solutions" : "exercises";
}
