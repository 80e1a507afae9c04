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

    /// <summary>How long all the tests of one submission may take together; past it, the tests without a result fail as "not run".</summary>
    public TimeSpan SubmissionTimeCap { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many worker processes run one submission's tests at once (each takes whole exercises).</summary>
    public int Workers { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 2);

    /// <summary>How long the one build of the course's graded tests may take.</summary>
    public TimeSpan BuildTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Where the course's graded tests are built once and kept (outside the repository) and where each
    /// submission's fresh work folder goes; null for a folder under the system's temp folder.
    /// </summary>
    public string? WorkDirectory { get; init; }

    /// <summary>
    /// Take the learner's code from this folder instead of the course's own exercises/: the files named like the
    /// course's exercise files (<c>Exercise02_FencingGuard.cs</c>) replace those, while Support/, the project file,
    /// the simulator and the graded tests stay the course's (so a submission cannot change how it is built or tested). Null to grade the course's exercises/.
    /// Batch grading sets it to each submission's exercises/ folder; the grader only reads it.
    /// </summary>
    public string? ExercisesFrom { get; init; }

    /// <summary>The folder graded: exercises or solutions.</summary>
    public string Folder => Solutions ? "solutions" : "exercises";
}
