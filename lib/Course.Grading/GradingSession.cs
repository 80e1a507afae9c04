using System.Diagnostics;
using System.Globalization;

namespace Course.Grading;

/// <summary>
/// One grading run: the course's snapshot, taken once, and the submissions graded against it, each compiled in
/// process and tested in a fresh work folder that is removed afterwards. <see cref="Grader"/> runs one
/// submission through it, <see cref="BatchGrader"/> a folder of them; both take the same path.
/// </summary>
internal sealed class GradingSession
{
    private readonly GradingSnapshot snapshot;
    private readonly string cache;
    private readonly IReadOnlyList<string> hidden;
    private int submissions;

    private GradingSession(GradingSnapshot snapshot, string cache, IReadOnlyList<string> hidden, Sandbox sandbox, TimeSpan setup)
    {
        this.snapshot = snapshot;
        this.cache = cache;
        this.hidden = hidden;
        Sandbox = sandbox;
        SetupTime = setup;
    }

    /// <summary>How the workers are isolated.</summary>
    public Sandbox Sandbox { get; }

    /// <summary>How long taking the snapshot took (the build, when one was needed).</summary>
    public TimeSpan SetupTime { get; }

    /// <summary>The graded tests.</summary>
    public IReadOnlyList<GradedTest> Plan => snapshot.Plan;

    /// <summary>Takes the snapshot of the course at <paramref name="root"/>.</summary>
    /// <param name="root">The course repository.</param>
    /// <param name="cache">Where the course is built and the work folders go.</param>
    /// <param name="options">The build time limit.</param>
    /// <param name="sandbox">How to isolate the workers.</param>
    /// <param name="hidden">Folders the workers must not see besides the course and the cache.</param>
    /// <returns>The session, or why the course itself cannot be graded.</returns>
    public static (GradingSession? Session, string? Failure) Open(string root, string cache, GradeOptions options, Sandbox sandbox, IReadOnlyList<string> hidden)
    {
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(cache);
        var (snapshot, failure) = GradingSnapshot.Take(root, cache, options.BuildTimeout, sandbox);
        if (snapshot is null)
        {
            return (null, failure);
        }

        IReadOnlyList<string> all = [root, cache, .. hidden];
        var planWork = Path.Combine(cache, "plan");
        failure = snapshot.ReadPlan(planWork, sandbox, all);
        Remove(planWork);
        if (failure is not null)
        {
            return (null, failure);
        }

        return (new GradingSession(snapshot, cache, all, sandbox, watch.Elapsed), null);
    }

    /// <summary>Grades the exercise files in <paramref name="exercises"/> (only <see cref="GradeOptions.Exercise"/>, if set).</summary>
    /// <param name="folder">What the report calls the graded folder: exercises or solutions.</param>
    /// <param name="exercises">The folder holding the submission's exercise files.</param>
    /// <param name="options">Time limits and the number of workers.</param>
    public GradeReport Grade(string folder, string exercises, GradeOptions options)
    {
        var watch = Stopwatch.StartNew();
        var sources = SubmissionCompiler.ReadSubmission(snapshot, exercises);
        var (assembly, broken) = SubmissionCompiler.Compile(snapshot, sources);
        var compileTime = watch.Elapsed;
        watch.Restart();

        var wanted = new List<int>();
        var outcomes = new Dictionary<int, TestOutcome>();
        for (int i = 0; i < snapshot.Plan.Count; i++)
        {
            var test = snapshot.Plan[i];
            if (options.Exercise is { } only && test.Exercise != only)
            {
                continue;
            }

            if (broken.TryGetValue(test.Exercise, out var errors))
            {
                outcomes[i] = new TestOutcome(test, TestStatus.Fail,
                    $"Exercise {test.Exercise} does not compile, so its tests could not run (the other exercises still count). Fix these errors first:\n{errors}", "");
            }
            else
            {
                wanted.Add(i);
            }
        }

        var work = Path.Combine(cache, "work-" + Interlocked.Increment(ref submissions).ToString(CultureInfo.InvariantCulture));
        try
        {
            snapshot.WriteTo(work, assembly);
            var (ran, _) = WorkerPool.Run(snapshot.Plan, wanted, work, options, Sandbox, hidden);
            foreach (var (index, outcome) in ran)
            {
                outcomes[index] = outcome;
            }
        }
        finally
        {
            Remove(work);
        }

        var ordered = outcomes.OrderBy(o => o.Key).Select(o => o.Value).ToList();
        var status = ordered.All(o => o.Status == TestStatus.Pass) ? TestStatus.Pass : TestStatus.Fail;
        return new GradeReport(folder, status, null, ordered, compileTime, watch.Elapsed);
    }

    /// <summary>Removes a folder if it exists.</summary>
    public static void Remove(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
