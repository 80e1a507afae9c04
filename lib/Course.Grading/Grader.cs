using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Course.Grading;

/// <summary>
/// Grades exercises/ (or solutions/, or a learner's folder): builds the course's graded tests once against the
/// stubs of its exercise files (and keeps that build), compiles the graded code in process, and runs the tests in
/// worker processes that nothing the code does can take the grader down with.
/// </summary>
/// <remarks>
/// <para><b>Exercise by exercise.</b> An exercise file that does not compile is graded as its stub: its tests
/// fail with the compiler's errors quoted, and every other exercise still counts.</para>
/// <para><b>Isolation.</b> The workers report on a channel that only they can write to (see
/// <see cref="GradingWorker"/>), inside the best sandbox the machine has (see <see cref="Sandbox"/>). A test still
/// running after <see cref="GradeOptions.TestTimeout"/> fails with "timed out after N s"; a worker that ends in the
/// middle of a test fails that test with what happened; either way a fresh worker goes on with the next test.
/// All the tests of one grading share <see cref="GradeOptions.SubmissionTimeCap"/>.</para>
/// <para>The grader never writes into the repository: it builds in its own folder.</para>
/// </remarks>
public static class Grader
{
    /// <summary>How the message of a test that ran past its time limit begins.</summary>
    public const string TimedOutPrefix = "The test timed out after";

    /// <summary>How the message of a test stopped by the submission's time cap begins.</summary>
    public const string CappedPrefix = WorkerPool.CappedPrefix;

    /// <summary>The snapshot each course was last graded with in this process (so <c>--watch</c> takes it once), by course and cache folder.</summary>
    private static readonly Dictionary<(string Root, string Cache), (string Stamp, GradingSession Session)> Kept = [];

    /// <summary>Grades as <paramref name="options"/> say and returns the report; never throws for what the graded code does.</summary>
    /// <param name="options">What to grade.</param>
    /// <exception cref="ArgumentException">The root is not a course repository, the graded folder is missing, or there is no such exercise.</exception>
    public static GradeReport Grade(GradeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.GetFullPath(options.Root);
        Check(root, options);
        var cache = options.WorkDirectory is { } chosen ? Path.GetFullPath(chosen) : DefaultWork(root);
        var stamp = GradingSnapshot.QuickStamp(root);
        GradingSession? session;
        var setup = TimeSpan.Zero;
        lock (Kept)
        {
            session = Kept.TryGetValue((root, cache), out var kept) && kept.Stamp == stamp ? kept.Session : null;
        }

        if (session is null)
        {
            (session, var failure) = GradingSession.Open(root, cache, options, Sandbox.Best, []);
            if (session is null)
            {
                return new GradeReport(options.Folder, TestStatus.Error, failure, [], TimeSpan.Zero, TimeSpan.Zero);
            }

            setup = session.SetupTime;
            lock (Kept)
            {
                Kept[(root, cache)] = (stamp, session);
            }
        }

        var graded = options.ExercisesFrom is { } learner ? Path.GetFullPath(learner) : Path.Combine(root, options.Folder);
        var report = session.Grade(options.Folder, graded, options);
        return report with { BuildTime = report.BuildTime + setup };
    }

    /// <summary>
    /// Checks what <paramref name="options"/> ask for before any work: a course repository, the graded folder,
    /// an exercise that exists.
    /// </summary>
    /// <param name="root">The course repository, a full path.</param>
    /// <param name="options">What to grade.</param>
    /// <exception cref="ArgumentException">Something asked for is not there; the message says what is.</exception>
    public static void Check(string root, GradeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(Path.Combine(root, "tests", "Exercises.Tests", "Exercises.Tests.csproj")))
        {
            throw new ArgumentException($"'{root}' is not a course repository: it has no tests/Exercises.Tests/Exercises.Tests.csproj. Run from the course folder or pass its path.");
        }

        if (options.ExercisesFrom is { } learner)
        {
            if (options.Solutions)
            {
                throw new ArgumentException("Grade either solutions/ or a learner's exercises folder, not both.");
            }

            if (!Directory.Exists(learner))
            {
                throw new ArgumentException($"'{Path.GetFullPath(learner)}' is not a folder: there is no learner's code to grade.");
            }
        }

        if (!Directory.Exists(Path.Combine(root, options.Folder)))
        {
            throw new ArgumentException(options.Solutions
                ? $"'{root}' has no solutions/ folder: this is a student copy. Grade exercises/ instead (leave out --solutions)."
                : $"'{root}' has no exercises/ folder.");
        }

        var exercises = CourseExercises.Of(root);
        if (exercises.Count == 0)
        {
            throw new ArgumentException($"'{root}' has no exercise files (exercises/ExerciseNN_Name.cs).");
        }

        if (options.Exercise is { } n && !exercises.Any(e => e.Number == n))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"there is no exercise {n}: this course has exercises {CourseExercises.Describe(exercises)}."));
        }
    }

    private static string DefaultWork(string root)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..12].ToLowerInvariant();
        return Path.Combine(Path.GetTempPath(), "course-grade", hash);
    }
}
