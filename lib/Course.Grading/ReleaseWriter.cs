namespace Course.Grading;

/// <summary>
/// Writes the student copy of the course: everything but the answers. solutions/ and the instructors' own
/// tests stay behind, the graded tests point at exercises/, the README speaks to learners, and a GitHub
/// Classroom workflow runs the grader and reports points.
/// </summary>
public static class ReleaseWriter
{
    /// <summary>Folders, relative to the course root, that never go into a student copy.</summary>
    public static readonly IReadOnlyList<string> Withheld = ["solutions", "tests/Course.Grading.Tests", "tests/WrongAnswers", "scripts/stryker"];

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { ".git", "bin", "obj", "TestResults", "StrykerOutput", "BenchmarkDotNet.Artifacts", ".vs", "artifacts", ".course", "site" };

    /// <summary>Writes the student copy of the course at <paramref name="root"/> into <paramref name="target"/>.</summary>
    /// <param name="root">The course repository.</param>
    /// <param name="target">A folder that does not exist yet or is empty, outside the repository.</param>
    /// <returns>How many files were written.</returns>
    /// <exception cref="ArgumentException">The root is not a course repository, or the target is not empty or lies inside it.</exception>
    public static int Write(string root, string target)
    {
        root = Path.GetFullPath(root);
        target = Path.GetFullPath(target);
        if (!File.Exists(Path.Combine(root, "course.sln")) || !Directory.Exists(Path.Combine(root, "solutions")))
        {
            throw new ArgumentException($"'{root}' is not the instructors' course repository (it needs course.sln and solutions/): run from it or pass --root.");
        }

        if (target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || target == root)
        {
            throw new ArgumentException($"the student copy must go outside the course repository, not into '{target}'.");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new ArgumentException($"'{target}' is not empty: give a new or empty folder for the student copy.");
        }

        if (File.Exists(target))
        {
            throw new ArgumentException($"'{target}' is a file: give a new or empty folder for the student copy.");
        }

        try
        {
            Directory.CreateDirectory(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ArgumentException($"cannot create the student copy at '{target}': {e.Message.TrimEnd('.')}. Give a new or empty folder you can write to.");
        }

        int files = Copy(root, target, "");
        PointTestsAtExercises(target);
        files += KeepStubs(root, target);
        RemoveFromSolution(Path.Combine(target, "course.sln"));
        File.WriteAllText(Path.Combine(target, "README.md"), StudentFiles.Readme);
        var workflows = Path.Combine(target, ".github", "workflows");
        Directory.CreateDirectory(workflows);
        File.WriteAllText(Path.Combine(workflows, "classroom.yml"), StudentFiles.ClassroomWorkflow);
        CheckNothingPointsAtSolutions(target);
        return files + 1;
    }

    private static int Copy(string root, string target, string relative)
    {
        int files = 0;
        var from = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.Combine(target, relative));
        foreach (var file in Directory.EnumerateFiles(from))
        {
            var copy = Path.Combine(target, relative, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetLastWriteTimeUtc(copy, File.GetLastWriteTimeUtc(file));
            files++;
        }

        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(folder);
            var next = relative.Length == 0 ? name : relative + "/" + name;
            if (Skipped.Contains(name) || Withheld.Contains(next))
            {
                continue;
            }

            files += Copy(root, target, next);
        }

        return files;
    }

    /// <summary>
    /// Keeps a copy of each exercise's stub (<see cref="GradingSnapshot.StubsFolder"/>), so the grader builds the
    /// graded tests against the shape the course gave, however the learner's files change: a broken exercise then
    /// costs only its own points.
    /// </summary>
    private static int KeepStubs(string root, string target)
    {
        var stubs = Path.Combine(target, GradingSnapshot.StubsFolder);
        Directory.CreateDirectory(stubs);
        int files = 0;
        foreach (var exercise in CourseExercises.Of(root))
        {
            File.Copy(Path.Combine(root, "exercises", exercise.FileName), Path.Combine(stubs, exercise.FileName + GradingSnapshot.StubExtension));
            files++;
        }

        return files;
    }

    private static void PointTestsAtExercises(string target)
    {
        var props = Path.Combine(target, "tests", "Exercises.Tests", "Directory.Build.props");
        var text = File.ReadAllText(props);
        const string Default = "<Graded Condition=\"'$(Graded)' == ''\">Solutions</Graded>";
        if (!text.Contains(Default, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{props} no longer holds the line {Default}; update ReleaseWriter to match.");
        }

        File.WriteAllText(props, text.Replace(Default, "<Graded Condition=\"'$(Graded)' == ''\">Exercises</Graded>", StringComparison.Ordinal));
        var project = Path.Combine(target, "tests", "Exercises.Tests", "Exercises.Tests.csproj");
        var kept = File.ReadAllLines(project).Where(l => !l.Contains("solutions/Solutions.csproj", StringComparison.Ordinal));
        File.WriteAllLines(project, kept);
    }

    /// <summary>Removes the withheld projects from a .sln file: their Project blocks and every line naming their GUIDs.</summary>
    internal static void RemoveFromSolution(string sln)
    {
        var lines = File.ReadAllLines(sln).ToList();
        var guids = new List<string>();
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.StartsWith("Project(", StringComparison.Ordinal)
                && Withheld.Any(w => line.Replace('\\', '/').Contains($"\"{w}/", StringComparison.Ordinal)))
            {
                guids.Add(line[(line.LastIndexOf('{'))..].TrimEnd('"'));
                int end = lines.FindIndex(i, l => l.StartsWith("EndProject", StringComparison.Ordinal));
                lines.RemoveRange(i, end - i + 1);
                i--;
            }
        }

        lines.RemoveAll(l => guids.Any(g => l.Contains(g, StringComparison.OrdinalIgnoreCase)));
        File.WriteAllLines(sln, lines);
    }

    private static void CheckNothingPointsAtSolutions(string target)
    {
        var offenders = Directory.EnumerateFiles(target, "*.*proj", SearchOption.AllDirectories)
            .Append(Path.Combine(target, "course.sln"))
            .Where(f => File.ReadAllText(f).Replace('\\', '/').Contains("solutions/Solutions.csproj", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        if (offenders.Length > 0)
        {
            throw new InvalidOperationException("These files of the student copy still refer to solutions/: " + string.Join(", ", offenders.Select(f => Path.GetRelativePath(target, f))));
        }
    }
}
