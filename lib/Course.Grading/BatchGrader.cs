using System.Diagnostics;

namespace Course.Grading;

/// <summary>
/// Grades a folder of submissions, one folder per student, each exactly as a single <c>course grade</c>
/// would grade it, one after another, and never stops for what one submission does.
/// </summary>
/// <remarks>
/// <para><b>What a submission is.</b> A folder per student: a copy of the student repository that
/// <c>course release</c> wrote (its <c>exercises/</c> folder is graded), or just the exercise files
/// (a folder whose top holds <c>*.cs</c> files, graded as exercises/). Only the submission's <c>*.cs</c>
/// exercise files are used: the project file, the simulator and the graded tests always come from the course
/// the batch runs in, so a student cannot change how their code is built or tested.</para>
/// <para><b>Isolation.</b> Each submission runs through <see cref="Grader"/>: a build in a work folder outside
/// the submission, tests in child processes with a time limit per test. Nothing is written into a submission.
/// The course's own stubs are built once into a clean template; before each submission the work folder is
/// thrown away and copied afresh from that template, so whatever one submission's code wrote there (a planted
/// build file, a changed binary) is gone before the next is built, and the simulator still compiles only once.
/// An exception from the grader itself becomes that submission's error row, and the batch goes on.</para>
/// </remarks>
public static class BatchGrader
{
    /// <summary>The submission folders of <paramref name="submissions"/>, in name order (hidden folders skipped).</summary>
    /// <param name="submissions">The folder with one folder per student.</param>
    /// <exception cref="ArgumentException">The folder does not exist, or has no submission folder in it.</exception>
    public static IReadOnlyList<string> Find(string submissions)
    {
        var full = Path.GetFullPath(submissions);
        if (!Directory.Exists(full))
        {
            throw new ArgumentException($"the submissions folder '{full}' does not exist.", nameof(submissions));
        }

        var found = Directory.GetDirectories(full)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal)
            .ToArray();
        if (found.Length == 0)
        {
            throw new ArgumentException($"the submissions folder '{full}' is empty: it needs one folder per student (a copy of their repository, or their exercises/).", nameof(submissions));
        }

        return found;
    }

    /// <summary>Grades every submission folder of <paramref name="submissions"/> with the graded tests of <paramref name="options"/>' course.</summary>
    /// <param name="options">The course to grade against, the time limits, the work folder (null: a fresh temporary one, removed afterwards), optionally one exercise. <see cref="GradeOptions.Solutions"/> and <see cref="GradeOptions.ExercisesFrom"/> must be unset.</param>
    /// <param name="submissions">The folder with one folder per student.</param>
    /// <param name="graded">Called after each submission, for progress and for writing the gradebook as it grows; may be null.</param>
    /// <returns>One row per submission, in name order.</returns>
    /// <exception cref="ArgumentException">The course or the submissions folder is unusable (see <see cref="Find"/>).</exception>
    public static IReadOnlyList<SubmissionGrade> Grade(GradeOptions options, string submissions, Action<SubmissionGrade>? graded = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Solutions || options.ExercisesFrom is not null)
        {
            throw new ArgumentException("A batch grades the submissions' exercises: leave Solutions and ExercisesFrom unset.", nameof(options));
        }

        var folders = Find(submissions);
        bool ownWork = options.WorkDirectory is null;
        var work = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "course-grade", "batch-" + Guid.NewGuid().ToString("N")[..12]);
        var rows = new List<SubmissionGrade>();
        var current = Path.Combine(work, "submission");
        var template = Path.Combine(work, "template");
        try
        {
            // Every submission starts from the same clean build of the course's own stubs.
            Remove(current);
            Remove(template);
            var (_, _, failure) = Grader.Build(options with { WorkDirectory = current });
            if (failure is not null)
            {
                throw new ArgumentException($"The course's own exercises do not build, so no submission can be graded against it: {failure}", nameof(options));
            }

            WorkCopy.CopyTree(current, template);
            foreach (var folder in folders)
            {
                Remove(current);
                WorkCopy.CopyTree(template, current);
                var row = GradeOne(options with { WorkDirectory = current }, folder);
                rows.Add(row);
                graded?.Invoke(row);
            }
        }
        finally
        {
            if (ownWork && Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }

        return rows;
    }

    /// <summary>The status column for a finished grading: error, timeout (any test timed out), pass or fail.</summary>
    /// <param name="report">One submission's grading.</param>
    public static SubmissionStatus StatusOf(GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Status == TestStatus.Error)
        {
            return SubmissionStatus.Error;
        }

        if (report.Outcomes.Any(o => o.Message?.StartsWith(Grader.TimedOutPrefix, StringComparison.Ordinal) == true))
        {
            return SubmissionStatus.Timeout;
        }

        return report.Status == TestStatus.Pass ? SubmissionStatus.Pass : SubmissionStatus.Fail;
    }

    private static SubmissionGrade GradeOne(GradeOptions options, string folder)
    {
        var student = Path.GetFileName(folder);
        var watch = Stopwatch.StartNew();
        var exercises = ExercisesOf(folder);
        if (exercises is null)
        {
            return Error(student, "The submission has no exercises/ folder and no exercise files (*.cs) at its top, so nothing could be graded.", watch.Elapsed);
        }

        try
        {
            var report = Grader.Grade(options with { ExercisesFrom = exercises });
            return new SubmissionGrade(student, StatusOf(report), report, watch.Elapsed);
        }
#pragma warning disable CA1031 // One submission's trouble, whatever it is, must not stop the batch: it becomes its row.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Error(student, $"The grader could not grade this submission: {e.GetType().Name}: {e.Message}", watch.Elapsed);
        }
    }

    private static void Remove(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string? ExercisesOf(string folder)
    {
        var exercises = Path.Combine(folder, "exercises");
        if (Directory.Exists(exercises))
        {
            return exercises;
        }

        return Directory.EnumerateFiles(folder, "*.cs").Any() ? folder : null;
    }

    private static SubmissionGrade Error(string student, string message, TimeSpan elapsed) =>
        new(student, SubmissionStatus.Error, new GradeReport("exercises", TestStatus.Error, message, [], TimeSpan.Zero, TimeSpan.Zero), elapsed);
}
