using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Course.Grading;

/// <summary>
/// Grades exercises/ (or solutions/): mirrors them into a work folder, builds the graded tests against them,
/// and runs the tests in a child process that nothing a submission does can take the grader down with.
/// </summary>
/// <remarks>
/// <para><b>Isolation.</b> The worker (<see cref="GradingWorker"/>) writes a line before and after each test.
/// The grader watches those lines. A test still running after <see cref="GradeOptions.TestTimeout"/> fails
/// with "timed out after N s" and the worker is killed. A worker that ends in the middle of a test (an
/// <c>Environment.Exit</c>, a stack overflow, any crash) fails that test with what happened. Either way the
/// grader starts a fresh worker at the next test, so one bad test costs only its own points.</para>
/// <para>The grader never writes into the repository: builds happen in the work folder.</para>
/// </remarks>
public static class Grader
{
    /// <summary>How the message of a test that ran past its time limit begins.</summary>
    public const string TimedOutPrefix = "The test timed out after";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <summary>Grades as <paramref name="options"/> say and returns the report; never throws for what a submission does.</summary>
    /// <param name="options">What to grade.</param>
    /// <exception cref="ArgumentException">The root is not a course repository, or the graded folder is missing.</exception>
    public static GradeReport Grade(GradeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        var (work, graded, failure) = Build(options);
        if (failure is not null)
        {
            return Failed(options, failure, watch.Elapsed);
        }

        var buildTime = watch.Elapsed;
        watch.Restart();
        var dll = Path.Combine(work, "tests", "Exercises.Tests", "bin", graded, "Debug", "net10.0", "Exercises.Tests.dll");
        var outcomes = RunTests(dll, work, options, out var problem);
        if (problem is not null)
        {
            return Failed(options, problem, buildTime);
        }

        var status = outcomes.All(o => o.Status == TestStatus.Pass) ? TestStatus.Pass : TestStatus.Fail;
        return new GradeReport(options.Folder, status, null, outcomes, buildTime, watch.Elapsed);
    }

    /// <summary>
    /// Lays the course and the graded code into the work folder and builds the graded tests, without running
    /// them. Batch grading builds the course's own stubs this way once, as the clean start of every submission.
    /// </summary>
    /// <param name="options">What to build.</param>
    /// <returns>The work folder, the graded configuration (Exercises or Solutions), and why the build failed (null if it did not).</returns>
    internal static (string Work, string Graded, string? Failure) Build(GradeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.GetFullPath(options.Root);
        CheckRoot(root, options);
        var work = options.WorkDirectory is { } chosen ? Path.GetFullPath(chosen) : DefaultWork(root, options.Folder);
        var folders = new List<string> { "lib/SplitBrain", "lib/Course.Grading", "tests/Exercises.Tests" };
        if (options.ExercisesFrom is null)
        {
            folders.Add("exercises");
        }

        if (options.Solutions)
        {
            folders.Add("solutions");
        }

        WorkCopy.Sync(root, work, folders);
        if (options.ExercisesFrom is { } learner)
        {
            WorkCopy.SyncLearnerCode(Path.Combine(root, "exercises"), Path.GetFullPath(learner), Path.Combine(work, "exercises"));
        }

        var graded = options.Solutions ? "Solutions" : "Exercises";
        var project = Path.Combine(work, "tests", "Exercises.Tests", "Exercises.Tests.csproj");
        using (var build = new ChildProcess("dotnet", ["build", project, $"-p:Graded={graded}", "-p:TreatWarningsAsErrors=false", "-nologo", "-v", "q", "-clp:NoSummary"], work))
        {
            if (!build.WaitForExit(options.BuildTimeout))
            {
                build.Kill();
                return (work, graded, $"The build timed out after {options.BuildTimeout.TotalSeconds:0} s.");
            }

            if (build.ExitCode != 0)
            {
                return (work, graded, "The code does not build, so no test could run. Fix these errors first:\n" + BuildErrors(build.Output + build.Errors, work));
            }
        }

        return (work, graded, null);
    }

    private static void CheckRoot(string root, GradeOptions options)
    {
        if (!File.Exists(Path.Combine(root, "tests", "Exercises.Tests", "Exercises.Tests.csproj")))
        {
            throw new ArgumentException($"'{root}' is not a course repository: it has no tests/Exercises.Tests/Exercises.Tests.csproj. Run from the course folder or pass its path.", nameof(options));
        }

        if (options.ExercisesFrom is { } learner)
        {
            if (options.Solutions)
            {
                throw new ArgumentException("Grade either solutions/ or a learner's exercises folder, not both.", nameof(options));
            }

            if (!Directory.Exists(learner))
            {
                throw new ArgumentException($"'{Path.GetFullPath(learner)}' does not exist: there is no learner's code to grade.", nameof(options));
            }
        }

        if (!Directory.Exists(Path.Combine(root, options.Folder)))
        {
            throw new ArgumentException(options.Solutions
                ? $"'{root}' has no solutions/ folder: this is a student copy. Grade exercises/ instead (leave out --solutions)."
                : $"'{root}' has no exercises/ folder.", nameof(options));
        }
    }

    private static string DefaultWork(string root, string folder)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..12].ToLowerInvariant();
        return Path.Combine(Path.GetTempPath(), "course-grade", $"{hash}-{folder}");
    }

    private static GradeReport Failed(GradeOptions options, string message, TimeSpan buildTime) =>
        new(options.Folder, TestStatus.Error, message, [], buildTime, TimeSpan.Zero);

    private static string BuildErrors(string output, string work)
    {
        var errors = output.Split('\n')
            .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
            .Select(l => l.Trim().Replace(work + Path.DirectorySeparatorChar, "", StringComparison.Ordinal))
            .Distinct()
            .Take(20)
            .ToArray();
        return errors.Length > 0 ? string.Join("\n", errors) : output.Trim();
    }

    private static List<TestOutcome> RunTests(string dll, string work, GradeOptions options, out string? problem)
    {
        problem = null;
        var results = Path.Combine(work, "results.jsonl");
        var outcomes = new Dictionary<int, TestOutcome>();
        IReadOnlyList<GradedTest>? plan = null;
        int start = 0;
        while (plan is null || start < plan.Count)
        {
            File.Delete(results);
            var args = new List<string> { dll, "--results", results, "--start", start.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (options.Exercise is { } exercise)
            {
                args.AddRange(["--exercise", exercise.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }

            using var worker = new ChildProcess("dotnet", args, work);
            var reader = new ResultsReader(results);
            int running = -1;
            var runningSince = Stopwatch.StartNew();
            var planWait = Stopwatch.StartNew();
            string? ended = null;
            while (ended is null)
            {
                bool exited = worker.HasExited;
                foreach (var line in reader.ReadNew())
                {
                    switch (line.Kind)
                    {
                        case WorkerLine.PlanKind:
                            plan ??= line.Plan;
                            break;
                        case WorkerLine.StartKind:
                            running = line.Index;
                            runningSince.Restart();
                            break;
                        case WorkerLine.EndKind when plan is not null:
                            outcomes[line.Index] = new TestOutcome(plan[line.Index], line.Status, line.Message, Cap(line.Output));
                            running = -1;
                            start = line.Index + 1;
                            break;
                        default:
                            break;
                    }
                }

                if (exited)
                {
                    worker.WaitForExit(TimeSpan.FromSeconds(5));
                    ended = "exited";
                    if (plan is null)
                    {
                        problem = "The graded tests did not start (exit code " + worker.ExitCode + "). " + Tail(worker.Errors + worker.Output);
                        return [];
                    }

                    if (running >= 0)
                    {
                        outcomes[running] = new TestOutcome(plan[running], TestStatus.Fail, Crashed(worker), Cap(worker.Output));
                        start = running + 1;
                    }
                    else if (start < plan.Count && outcomes.Count == 0 && worker.ExitCode != 0)
                    {
                        problem = "The graded tests stopped before the first test (exit code " + worker.ExitCode + "). " + Tail(worker.Errors);
                        return [];
                    }
                }
                else if (running >= 0 && runningSince.Elapsed > options.TestTimeout && plan is not null)
                {
                    worker.Kill();
                    outcomes[running] = new TestOutcome(plan[running], TestStatus.Fail,
                        $"{TimedOutPrefix} {options.TestTimeout.TotalSeconds:0.#} s: the code ran on and on. Look for a loop that never ends or a wait that nothing ends.", "");
                    start = running + 1;
                    ended = "timeout";
                }
                else if (plan is null && planWait.Elapsed > TimeSpan.FromSeconds(60))
                {
                    worker.Kill();
                    problem = "The graded tests did not start within 60 s.";
                    return [];
                }
                else
                {
                    Thread.Sleep(Poll);
                }
            }
        }

        if (plan is { Count: 0 })
        {
            problem = options.Exercise is { } n ? $"There is no exercise {n}: no graded test belongs to it." : "No graded tests were found.";
        }

        return outcomes.OrderBy(o => o.Key).Select(o => o.Value).ToList();
    }

    private static string Crashed(ChildProcess worker)
    {
        var errors = worker.Errors;
        if (errors.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
        {
            return "The test process crashed with a stack overflow: a method calls itself without end. Look for recursion that never reaches its base case.";
        }

        if (worker.ExitCode is 0 or 1 || !errors.Contains("Unhandled exception", StringComparison.Ordinal))
        {
            return $"The test process ended during this test with exit code {worker.ExitCode}: the code called Environment.Exit (or otherwise ended the process). Code under test must return, never exit.";
        }

        return $"The test process crashed during this test (exit code {worker.ExitCode}): {Tail(errors)}";
    }

    private static string Tail(string text)
    {
        text = text.Trim();
        return text.Length <= 300 ? text : text[..300] + " ...";
    }

    private static string Cap(string? output)
    {
        if (string.IsNullOrEmpty(output))
        {
            return "";
        }

        return output.Length <= GradingWorker.KeptOutput ? output : output[..GradingWorker.KeptOutput];
    }

    /// <summary>Reads the complete lines the worker has added to the results file since the last read.</summary>
    private sealed class ResultsReader(string path)
    {
        private long offset;
        private string partial = "";

        public IEnumerable<WorkerLine> ReadNew()
        {
            if (!File.Exists(path))
            {
                return [];
            }

            string text;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                stream.Seek(offset, SeekOrigin.Begin);
                using var reader = new StreamReader(stream, Encoding.UTF8);
                text = reader.ReadToEnd();
                offset = stream.Position;
            }

            text = partial + text;
            int last = text.LastIndexOf('\n');
            partial = last < 0 ? text : text[(last + 1)..];
            if (last < 0)
            {
                return [];
            }

            return text[..last].Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonSerializer.Deserialize<WorkerLine>(l, GradingWorker.Json)!)
                .ToArray();
        }
    }
}
