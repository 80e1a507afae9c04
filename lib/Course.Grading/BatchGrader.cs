using System.Diagnostics;

namespace Course.Grading;

/// <summary>
/// Grades a folder of submissions, one folder per student, against one snapshot of the course, and never stops
/// for what one submission does.
/// </summary>
/// <remarks>
/// <para><b>What a submission is.</b> A folder per student: a copy of the student repository that
/// <c>course release</c> wrote (its <c>exercises/</c> folder is graded), or just the exercise files
/// (a folder whose top holds <c>*.cs</c> files, graded as exercises/). Only the files named like the course's
/// exercise files are used: Support/, the project file, the simulator and the graded tests always come from the
/// course the batch runs in, so a student cannot change how their code is built or tested.</para>
/// <para><b>Isolation.</b> The course's graded tests are built once, into a snapshot kept in memory. Each
/// submission is compiled in process and tested in a fresh work folder written from that snapshot and removed
/// afterwards, so nothing one submission writes reaches the next. With bubblewrap the workers see neither the
/// course, nor the submissions folder, nor the grader's other folders (see <see cref="Sandbox"/>). Each submission
/// has a time cap (<see cref="GradeOptions.SubmissionTimeCap"/>). An exception from the grader itself becomes that
/// submission's error row, and the batch goes on.</para>
/// </remarks>
public static class BatchGrader
{
    /// <summary>The submission folders of <paramref name="submissions"/>, in name order (hidden folders skipped).</summary>
    /// <param name="submissions">The folder with one folder per student.</param>
    /// <exception cref="ArgumentException">The folder does not exist, is a file, or has no submission folder in it.</exception>
    public static IReadOnlyList<string> Find(string submissions)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        var full = Path.GetFullPath(submissions);
        if (File.Exists(full))
        {
            throw new ArgumentException($"--submissions '{full}' is a file: give the folder that holds one folder per student.");
        }

        if (!Directory.Exists(full))
        {
            throw new ArgumentException($"the submissions folder '{full}' does not exist.");
        }

        var found = Directory.GetDirectories(full)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal)
            .ToArray();
        if (found.Length == 0)
        {
            throw new ArgumentException($"the submissions folder '{full}' is empty: it needs one folder per student (a copy of their repository, or their exercises/).");
        }

        return found;
    }

    /// <summary>Grades every submission folder of <paramref name="submissions"/> with the graded tests of <paramref name="options"/>' course.</summary>
    /// <param name="options">The course to grade against, the time limits, the work folder (null: a fresh temporary one, removed afterwards), optionally one exercise. <see cref="GradeOptions.Solutions"/> and <see cref="GradeOptions.ExercisesFrom"/> must be unset.</param>
    /// <param name="submissions">The folder with one folder per student.</param>
    /// <param name="graded">Called after each submission, for progress and for writing the gradebook as it grows; may be null.</param>
    /// <returns>One row per submission, in name order.</returns>
    /// <exception cref="ArgumentException">The course or the submissions folder is unusable (see <see cref="Find"/>).</exception>
    public static IReadOnlyList<SubmissionGrade> Grade(GradeOptions options, string submissions, Action<SubmissionGrade>? graded = null) =>
        Grade(options, submissions, Sandbox.Best, graded);

    /// <summary>As <see cref="Grade(GradeOptions, string, Action{SubmissionGrade}?)"/>, with the isolation chosen.</summary>
    /// <param name="options">The course and time limits.</param>
    /// <param name="submissions">The folder with one folder per student.</param>
    /// <param name="sandbox">How to isolate the workers.</param>
    /// <param name="graded">Called after each submission; may be null.</param>
    /// <returns>One row per submission, in name order.</returns>
    /// <exception cref="ArgumentException">The course or the submissions folder is unusable.</exception>
    public static IReadOnlyList<SubmissionGrade> Grade(GradeOptions options, string submissions, Sandbox sandbox, Action<SubmissionGrade>? graded)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sandbox);
        if (options.Solutions || options.ExercisesFrom is not null)
        {
            throw new ArgumentException("A batch grades the submissions' exercises: leave Solutions and ExercisesFrom unset.", nameof(options));
        }

        var root = Path.GetFullPath(options.Root);
        Grader.Check(root, options);
        var folders = Find(submissions);
        bool ownWork = options.WorkDirectory is null;
        var work = Path.GetFullPath(options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "course-grade", "batch-" + Guid.NewGuid().ToString("N")[..12]));
        var rows = new List<SubmissionGrade>();
        try
        {
            var (session, failure) = GradingSession.Open(root, work, options, sandbox, [Path.GetFullPath(submissions)]);
            if (session is null)
            {
                throw new ArgumentException($"The course's own exercises do not build, so no submission can be graded against it: {failure}");
            }

            foreach (var folder in folders)
            {
                var row = GradeOne(session, options, folder);
                rows.Add(row);
                graded?.Invoke(row);
            }
        }
        finally
        {
            if (ownWork)
            {
                GradingSession.Remove(work);
            }
        }

        return rows;
    }

    /// <summary>The status column for a finished grading: error, timecap (the submission's time cap ran out), timeout (a test timed out), pass or fail.</summary>
    /// <param name="report">One submission's grading.</param>
    public static SubmissionStatus StatusOf(GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Status == TestStatus.Error)
        {
            return SubmissionStatus.Error;
        }

        if (report.Outcomes.Any(o => o.Message?.StartsWith(Grader.CappedPrefix, StringComparison.Ordinal) == true))
        {
            return SubmissionStatus.TimeCap;
        }

        if (report.Outcomes.Any(o => o.Message?.StartsWith(Grader.TimedOutPrefix, StringComparison.Ordinal) == true))
        {
            return SubmissionStatus.Timeout;
        }

        return report.Status == TestStatus.Pass ? SubmissionStatus.Pass : SubmissionStatus.Fail;
    }

    private static SubmissionGrade GradeOne(GradingSession session, GradeOptions options, string folder)
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
            var report = session.Grade("exercises", exercises, options);
            return new SubmissionGrade(student, StatusOf(report), report, watch.Elapsed);
        }
#pragma warning disable CA1031 // One submission's trouble, whatever it is, must not stop the batch: it becomes its row.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Error(student, $"The grader could not grade this submission: {e.Message}", watch.Elapsed);
        }
    }

    private static string? ExercisesOf(string folder)
    {
        var exercises = Path.Combine(folder, "exercises");
        if (Directory.Exists(exercises) && new DirectoryInfo(exercises).LinkTarget is null)
        {
            return exercises;
        }

        return Directory.EnumerateFiles(folder, "*.cs").Any() ? folder : null;
    }

    private static SubmissionGrade Error(string student, string message, TimeSpan elapsed) =>
        new(student, SubmissionStatus.Error, new GradeReport("exercises", TestStatus.Error, message, [], TimeSpan.Zero, TimeSpan.Zero), elapsed);
}
