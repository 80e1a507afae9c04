using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Course.Grading;

/// <summary>
/// The course as every submission of one grading run meets it, taken once and kept in memory: the graded
/// tests built against the stubs of the course's exercise files, the simulator, the harness (exercises/Support),
/// the stubs themselves and the plan of graded tests. Each submission's work folder is written afresh from
/// these bytes, so nothing a submission writes on disk can reach the next one.
/// </summary>
/// <remarks>
/// The build (<c>dotnet build</c> of the graded tests, about half a minute) runs in a cache folder and only
/// when the course's sources or the exercises' public shape changed: editing a method body changes nothing the
/// tests compile against, so a learner's next grade reuses it.
/// </remarks>
internal sealed class GradingSnapshot
{
    /// <summary>Where a student copy keeps the course's stubs, relative to its root (written by <c>course release</c>).</summary>
    public const string StubsFolder = "tests/Exercises.Tests/Stubs";

    /// <summary>The extension a kept stub carries after its file name, so no project compiles it.</summary>
    public const string StubExtension = ".stub";

    private const string BuildOutput = "tests/Exercises.Tests/bin/Exercises/Debug/net10.0";
    private const string Stamp = "snapshot.stamp";
    private const string QuickStampFile = "sources.stamp";
    private const string PlanFile = "plan.json";

    private GradingSnapshot(
        IReadOnlyList<ExerciseFile> exercises,
        IReadOnlyDictionary<string, byte[]> files,
        IReadOnlyDictionary<string, string> stubs,
        IReadOnlyDictionary<string, string> support,
        string globalUsings,
        Version version,
        IReadOnlyList<string> references)
    {
        Exercises = exercises;
        Files = files;
        Stubs = stubs;
        Support = support;
        GlobalUsings = globalUsings;
        ExercisesVersion = version;
        References = references;
    }

    /// <summary>The course's exercises.</summary>
    public IReadOnlyList<ExerciseFile> Exercises { get; }

    /// <summary>The worker's files (the graded tests' build output), by path relative to the work folder.</summary>
    public IReadOnlyDictionary<string, byte[]> Files { get; }

    /// <summary>Each exercise file's stub source, by file name: what a missing or broken exercise is graded as.</summary>
    public IReadOnlyDictionary<string, string> Stubs { get; }

    /// <summary>The harness the exercises compile with (exercises/Support), by path relative to exercises/: always the course's.</summary>
    public IReadOnlyDictionary<string, string> Support { get; }

    /// <summary>The global usings the course's exercises project compiles with.</summary>
    public string GlobalUsings { get; }

    /// <summary>The assembly version the graded tests expect of Exercises.dll.</summary>
    public Version ExercisesVersion { get; }

    /// <summary>The files of <see cref="Files"/> an exercise may use (the simulator): the names the stubs' assembly references.</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>Every graded test, in the order the plan runs them.</summary>
    public IReadOnlyList<GradedTest> Plan { get; private set; } = [];

    /// <summary>Builds (or reuses) the course's graded tests in <paramref name="cache"/> and reads the snapshot.</summary>
    /// <param name="root">The course repository.</param>
    /// <param name="cache">The folder to build in, outside the repository.</param>
    /// <param name="buildTimeout">How long the build may take.</param>
    /// <param name="sandbox">How to isolate the worker that reads the plan.</param>
    /// <returns>The snapshot, or the reason the course's stubs do not build.</returns>
    public static (GradingSnapshot? Snapshot, string? Failure) Take(string root, string cache, TimeSpan buildTimeout, Sandbox sandbox)
    {
        var exercises = CourseExercises.Of(root);
        var course = Path.Combine(cache, "course");
        var source = Path.Combine(root, "exercises");
        var target = Path.Combine(course, "exercises");
        var stubs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var exercise in exercises)
        {
            // The course's own stub where a student copy kept it; otherwise the course's exercise file (the
            // instructors' stubs), its bodies removed all the same.
            var kept = Path.Combine(root, StubsFolder, exercise.FileName + StubExtension);
            stubs[exercise.FileName] = ExerciseStubs.Of(File.ReadAllText(File.Exists(kept) ? kept : Path.Combine(source, exercise.FileName)));
        }

        var support = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file).Replace('\\', '/');
            if (relative.Contains('/', StringComparison.Ordinal) && !IsBuildOutput(Path.GetRelativePath(source, file)))
            {
                support[relative] = File.ReadAllText(file);
            }
        }

        var quick = QuickStamp(root);
        var stampFile = Path.Combine(cache, Stamp);
        var quickFile = Path.Combine(cache, QuickStampFile);
        var output = Path.Combine(course, BuildOutput);
        bool unchanged = File.Exists(quickFile) && File.ReadAllText(quickFile) == quick && File.Exists(stampFile) && File.Exists(Path.Combine(output, "Exercises.Tests.dll"));
        if (!unchanged)
        {
            File.Delete(quickFile);
            File.Delete(Path.Combine(cache, PlanFile));
            WorkCopy.Sync(root, course, ["lib/SplitBrain", "lib/Course.Grading", "tests/Exercises.Tests"]);
            WorkCopy.SyncCourseExercises(source, target, exercises.Select(e => e.FileName).ToHashSet(StringComparer.Ordinal));
            foreach (var (name, stub) in stubs)
            {
                WorkCopy.WriteIfChanged(Path.Combine(target, name), stub);
            }

            var fingerprint = Fingerprint(course);
            if (!(File.Exists(stampFile) && File.ReadAllText(stampFile) == fingerprint && File.Exists(Path.Combine(output, "Exercises.Tests.dll"))))
            {
                File.Delete(stampFile);
                var failure = Build(course, buildTimeout);
                if (failure is not null)
                {
                    return (null, failure);
                }

                File.WriteAllText(stampFile, fingerprint);
            }

            File.WriteAllText(quickFile, quick);
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            if (!file.EndsWith(".xml", StringComparison.Ordinal))
            {
                files[Path.GetRelativePath(output, file).Replace('\\', '/')] = File.ReadAllBytes(file);
            }
        }

        var usings = Directory.EnumerateFiles(Path.Combine(target, "obj"), "Exercises.GlobalUsings.g.cs", SearchOption.AllDirectories).FirstOrDefault();
        var snapshot = new GradingSnapshot(
            exercises,
            files,
            stubs,
            support,
            usings is null ? "" : File.ReadAllText(usings),
            System.Reflection.AssemblyName.GetAssemblyName(Path.Combine(output, "Exercises.dll")).Version ?? new Version(1, 0, 0, 0),
            ReferencedFiles(files));
        return (snapshot, null);
    }

    /// <summary>
    /// Reads the plan: runs the worker once on the course's own stubs, and keeps the plan beside the build until
    /// the course's sources change.
    /// </summary>
    /// <param name="work">An empty folder to run in, inside the cache folder.</param>
    /// <param name="sandbox">How to isolate it.</param>
    /// <param name="hidden">Folders to hide from it.</param>
    /// <returns>Why the plan could not be read; null when it was.</returns>
    public string? ReadPlan(string work, Sandbox sandbox, IReadOnlyList<string> hidden)
    {
        var cache = Path.GetDirectoryName(work)!;
        var kept = Path.Combine(cache, PlanFile);
        if (File.Exists(kept))
        {
            try
            {
                if (JsonSerializer.Deserialize<List<GradedTest>>(File.ReadAllText(kept)) is { Count: > 0 } plan)
                {
                    Plan = plan;
                    return null;
                }
            }
            catch (JsonException)
            {
                // Read it again below.
            }
        }

        WriteTo(work, exercises: null);
        using var worker = new WorkerProcess(work, GradingWorker.PlanRequest, sandbox, hidden);
        if (!worker.WaitForEnd(TimeSpan.FromSeconds(60)))
        {
            worker.Kill();
            return "The graded tests did not start within 60 s.";
        }

        while (worker.TryTake(out var line))
        {
            if (line is { Kind: WorkerLine.PlanKind, Plan: { } plan })
            {
                Plan = plan;
                File.WriteAllText(kept, JsonSerializer.Serialize(plan));
                return null;
            }
        }

        return $"The graded tests did not start (exit code {worker.ExitCode}). {worker.Errors.Trim()}";
    }

    /// <summary>Writes a fresh work folder: the snapshot's files, with <paramref name="exercises"/> as Exercises.dll (null: the stubs).</summary>
    /// <param name="work">The folder; emptied first.</param>
    /// <param name="exercises">The submission's compiled exercises, or null.</param>
    public void WriteTo(string work, byte[]? exercises)
    {
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        foreach (var (relative, bytes) in Files)
        {
            if (exercises is not null && relative == "Exercises.pdb")
            {
                continue;
            }

            var path = Path.Combine(work, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, relative == "Exercises.dll" && exercises is not null ? exercises : bytes);
        }
    }

    private static string? Build(string course, TimeSpan timeout)
    {
        var project = Path.Combine(course, "tests", "Exercises.Tests", "Exercises.Tests.csproj");
        using var build = new ChildProcess("dotnet", ["build", project, "-p:Graded=Exercises", "-p:TreatWarningsAsErrors=false", "-nologo", "-v", "q", "-clp:NoSummary"], course);
        if (!build.WaitForExit(timeout))
        {
            build.Kill();
            return $"The build of the graded tests timed out after {timeout.TotalSeconds:0} s.";
        }

        if (build.ExitCode == 0)
        {
            return null;
        }

        var errors = (build.Output + build.Errors).Split('\n')
            .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
            .Select(l => l.Trim().Replace(course + Path.DirectorySeparatorChar, "", StringComparison.Ordinal))
            .Distinct()
            .Take(20)
            .ToArray();
        return "The graded tests do not build against the exercises' public types and members (a changed signature or a broken declaration?):\n"
            + (errors.Length > 0 ? string.Join("\n", errors) : (build.Output + build.Errors).Trim());
    }

    /// <summary>
    /// A quick stamp of what the snapshot of <paramref name="root"/> is made from: the name, size and time of every
    /// course file the build reads, and the stubs of the exercise files (so a changed body changes nothing). Equal
    /// stamps let one process (<c>--watch</c>) keep its snapshot instead of taking it again.
    /// </summary>
    public static string QuickStamp(string root)
    {
        var text = new StringBuilder();
        foreach (var folder in new[] { "lib/SplitBrain", "lib/Course.Grading", "tests/Exercises.Tests", "exercises/Support" })
        {
            var full = Path.Combine(root, folder);
            if (!Directory.Exists(full))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Where(f => !IsBuildOutput(Path.GetRelativePath(root, f))).Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(file);
                text.Append(file).Append(' ').Append(info.Length).Append(' ').Append(info.LastWriteTimeUtc.Ticks).Append('\n');
            }
        }

        foreach (var name in WorkCopy.RootFiles.Append("exercises/Exercises.csproj"))
        {
            var info = new FileInfo(Path.Combine(root, name));
            text.Append(name).Append(' ').Append(info.Exists ? info.Length : -1).Append(' ').Append(info.Exists ? info.LastWriteTimeUtc.Ticks : 0).Append('\n');
        }

        foreach (var exercise in CourseExercises.Of(root))
        {
            var kept = Path.Combine(root, StubsFolder, exercise.FileName + StubExtension);
            text.Append(exercise.FileName).Append('\n').Append(ExerciseStubs.Of(File.ReadAllText(File.Exists(kept) ? kept : Path.Combine(root, "exercises", exercise.FileName)))).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Fingerprint(string course)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(course, "*", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(course, f)))
            .Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(course, file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static bool IsBuildOutput(string relative)
    {
        foreach (var part in relative.Split(Path.DirectorySeparatorChar))
        {
            if (part is "bin" or "obj")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The files among <paramref name="files"/> that the stubs' Exercises.dll references: what an exercise may compile against.</summary>
    private static List<string> ReferencedFiles(Dictionary<string, byte[]> files)
    {
        var found = new List<string>();
        using var pe = new PEReader(new MemoryStream(files["Exercises.dll"]));
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.AssemblyReferences)
        {
            var name = metadata.GetString(metadata.GetAssemblyReference(handle).Name) + ".dll";
            if (files.ContainsKey(name))
            {
                found.Add(name);
            }
        }

        return found;
    }
}
