namespace Course.Grading.Tests;

/// <summary>
/// Submissions written the way a student who wants the points without the work would write them, graded in one
/// batch with an honest student after them. Each attack must gain nothing (its points are what its honest parts
/// earn), and the honest student's grade must come out exactly as when graded alone (full marks).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>a1-forger</b>: no answers; a module initializer writes "passed" reports for every test to the process's
/// standard output (where the worker reports), after looking for the secret in its command line, environment and input.</item>
/// <item><b>a2-planter</b>: the answers, and code that overwrites the graded tests' binaries in its work folder and in
/// the grader's cached build of the course (the "template" every work folder is written from).</item>
/// <item><b>a3-editor</b>: the answers, and code that finds the course through <c>/proc/&lt;parent&gt;/cwd</c> (and by its
/// path) and edits the graded tests' harness there, so that the next wrong answer would pass.</item>
/// <item><b>a4-copier</b>: no answers but exercise 2, which calls the instructors' compiled <c>Solutions.dll</c>.</item>
/// <item><b>a5-harness</b>: a non-atomic exercise 3 with its own <c>Support/Disk.cs</c> that never loses power;
/// <b>b5-harness-baseline</b> is the same answers without it.</item>
/// <item><b>a6-syntax</b>: the answers with a syntax error in exercise 4.</item>
/// <item><b>a7-hangs</b>: every method loops forever.</item>
/// <item><b>a8-memory</b>: the answers, with exercise 1 allocating 4 GB.</item>
/// <item><b>z-honest</b>: the reference answers.</item>
/// </list>
/// The attacks that need the file system isolated (planter, editor, copier) rely on bubblewrap: without it the
/// test fails and says so (install Debian's <c>bubblewrap</c>, as <c>.ci/run</c> does).
/// </remarks>
[Collection(GradingCollection.Name)]
public sealed class HostileSubmissionTests(SharedWork work) : IDisposable
{
    private readonly string scratch = Course.Scratch("hostile");

    /// <summary>Removes the scratch folder.</summary>
    public void Dispose() => Directory.Delete(scratch, recursive: true);

    /// <summary>Every attack gains nothing, and the honest student after them gets full marks.</summary>
    [Fact]
    public void Attacks_GainNothing_AndTheNextStudentsGradeIsUnchanged()
    {
        Assert.True(Sandbox.Best.IsolatesFiles, "bubblewrap is not available, so the planted, edited-course and copied-solutions attacks would succeed: install Debian's bubblewrap (.ci/run does).");
        var solutionsDll = Path.Combine(Course.Root, "solutions", "bin", "Debug", "net10.0", "Solutions.dll");
        Assert.True(File.Exists(solutionsDll), $"{solutionsDll} is not built, so the copied-solutions attack proves nothing: build solutions/Solutions.csproj first.");
        var expect = Path.Combine(Course.Root, "tests", "Exercises.Tests", "Support", "Expect.cs");
        var expectBefore = File.ReadAllText(expect);
        var submissions = Path.Combine(scratch, "submissions");
        var all = (int _) => true;
        var none = (int _) => false;

        var forger = Submissions.Answers(Path.Combine(submissions, "a1-forger", "exercises"), none);
        File.AppendAllText(Submissions.FileOf(forger, 1), Forger);

        var planter = Submissions.Answers(Path.Combine(submissions, "a2-planter", "exercises"), all);
        Submissions.Plant(planter, 1, "public static int Majority(int clusterSize)\n    {", Planter);

        var editor = Submissions.Answers(Path.Combine(submissions, "a3-editor", "exercises"), all);
        Submissions.Plant(editor, 2, "public bool TryAccept(FencingToken token)\n    {", Editor.Replace("@ROOT@", Course.Root, StringComparison.Ordinal));

        var copier = Submissions.Answers(Path.Combine(submissions, "a4-copier", "exercises"), none);
        File.WriteAllText(Submissions.FileOf(copier, 2), Copier.Replace("@DLL@", solutionsDll, StringComparison.Ordinal));

        var harness = Submissions.Answers(Path.Combine(submissions, "a5-harness", "exercises"), all);
        MakeNonAtomic(harness);
        Directory.CreateDirectory(Path.Combine(harness, "Support"));
        File.WriteAllText(Path.Combine(harness, "Support", "Disk.cs"), File.ReadAllText(Path.Combine(Course.Root, "exercises", "Support", "Disk.cs"))
            .Replace("public void CrashAfter(int writes)\n    {", "public void CrashAfter(int writes)\n    {\n        return;", StringComparison.Ordinal));
        var baseline = Submissions.Answers(Path.Combine(submissions, "b5-harness-baseline", "exercises"), all);
        MakeNonAtomic(baseline);

        var syntax = Submissions.Answers(Path.Combine(submissions, "a6-syntax", "exercises"), all);
        File.AppendAllText(Submissions.FileOf(syntax, 4), "\npublic class Broken { public void M() { int x = ; } }\n");

        var hangs = Submissions.Answers(Path.Combine(submissions, "a7-hangs", "exercises"), none);
        foreach (var file in Directory.GetFiles(hangs, "*.cs"))
        {
            File.WriteAllText(file, File.ReadAllText(file).Replace("throw new NotImplementedException()", "throw Forever.Hang()", StringComparison.Ordinal));
        }

        File.AppendAllText(Submissions.FileOf(hangs, 1), "\ninternal static class Forever { public static System.Exception Hang() { while (true) { } } }\n");

        var memory = Submissions.Answers(Path.Combine(submissions, "a8-memory", "exercises"), all);
        Submissions.Plant(memory, 1, "public static int Majority(int clusterSize)\n    {", Hog);

        Submissions.Answers(Path.Combine(submissions, "z-honest", "exercises"), all);

        var options = new GradeOptions(Course.Root) { WorkDirectory = work.Folder, TestTimeout = TimeSpan.FromSeconds(3), SubmissionTimeCap = TimeSpan.FromSeconds(15) };
        var rows = BatchGrader.Grade(options, submissions).ToDictionary(r => r.Student);
        var honest = rows["z-honest"];
        var full = Submissions.Possible(honest.Report);

        Assert.True(File.ReadAllText(expect) == expectBefore, "a submission edited the course's tests/Exercises.Tests/Support/Expect.cs");
        Assert.True(honest.Status == SubmissionStatus.Pass && honest.Points == honest.Report.Possible, "the honest student after the attackers: " + Submissions.Describe(honest));

        var forged = rows["a1-forger"];
        Assert.True(forged.Points == 0, "the forger earned points without answers: " + Submissions.Describe(forged));
        Assert.True(forged.Report.Outcomes.Count == honest.Report.Outcomes.Count, "the forger's grading lost tests: " + Submissions.Describe(forged));

        var planted = rows["a2-planter"];
        Assert.Contains("planter ran", string.Concat(planted.Report.Outcomes.Select(o => o.Output)), StringComparison.Ordinal);
        Assert.DoesNotContain("planted:", string.Concat(planted.Report.Outcomes.Select(o => o.Output)), StringComparison.Ordinal);

        var edited = rows["a3-editor"];
        Assert.Contains("editor ran", string.Concat(edited.Report.Outcomes.Select(o => o.Output)), StringComparison.Ordinal);
        Assert.DoesNotContain("edited:", string.Concat(edited.Report.Outcomes.Select(o => o.Output)), StringComparison.Ordinal);

        var copied = rows["a4-copier"];
        Assert.True(copied.Points == 0, "calling the instructors' Solutions.dll earned points: " + Submissions.Describe(copied));

        var replaced = rows["a5-harness"];
        var honestBaseline = rows["b5-harness-baseline"];
        Assert.True(honestBaseline.Points < honest.Points, "the non-atomic exercise 3 earned full marks, so the harness attack proves nothing: " + Submissions.Describe(honestBaseline));
        Assert.True(replaced.Points == honestBaseline.Points, $"its own Support/Disk.cs changed the points: {Submissions.Describe(replaced)} against {Submissions.Describe(honestBaseline)}");

        var broken = rows["a6-syntax"];
        var brokenPoints = Submissions.ByExercise(broken.Report);
        Assert.True(brokenPoints[4] == 0, "exercise 4 does not compile but earned points: " + Submissions.Describe(broken));
        Assert.True(broken.Points == honest.Points - full[4], "a syntax error in exercise 4 cost other exercises' points: " + Submissions.Describe(broken));
        Assert.All(broken.Report.Outcomes.Where(o => o.Test.Exercise == 4), o => Assert.Contains("error CS", o.Message ?? "", StringComparison.Ordinal));

        var hung = rows["a7-hangs"];
        Assert.True(hung.Points == 0 && hung.Status == SubmissionStatus.TimeCap, "the all-hanging submission: " + Submissions.Describe(hung));
        Assert.Equal(honest.Report.Outcomes.Count, hung.Report.Outcomes.Count);

        var hog = rows["a8-memory"];
        var hogPoints = Submissions.ByExercise(hog.Report);
        Assert.True(hogPoints[1] < full[1], "allocating 4 GB in exercise 1 still passed every test of it: " + Submissions.Describe(hog));
        Assert.True(hog.Points - hogPoints[1] == honest.Points - full[1], "allocating 4 GB in exercise 1 cost other exercises' points: " + Submissions.Describe(hog));
        Assert.Contains(hog.Report.Outcomes, o => o.Test.Exercise == 1 && (o.Message ?? "").Contains("memory", StringComparison.OrdinalIgnoreCase));
    }

    private static void MakeNonAtomic(string folder)
    {
        var path = Submissions.FileOf(folder, 3);
        const string Atomic = "disk.WriteBatch(new Dictionary<string, long> { [HighestKey] = token.Value, [DataPrefix + key] = value });";
        var text = File.ReadAllText(path);
        Assert.True(text.Contains(Atomic, StringComparison.Ordinal), "the exercise 3 answer changed: update the non-atomic plant.");
        File.WriteAllText(path, text.Replace(Atomic, "disk.Write(DataPrefix + key, value);\n        disk.Write(HighestKey, token.Value);", StringComparison.Ordinal));
    }

    /// <summary>Forges "passed" reports from a module initializer, after hunting for the worker's secret.</summary>
    private const string Forger = """

        internal static class Forgery
        {
            [System.Runtime.CompilerServices.ModuleInitializer]
            internal static void Forge()
            {
                var found = new System.Collections.Generic.List<string>();
                foreach (var source in new[] { "/proc/self/cmdline", "/proc/self/environ", "/proc/self/fd/0" })
                {
                    try { found.AddRange(System.IO.File.ReadAllText(source).Split('\0', ' ', '\n')); } catch (System.Exception) { }
                }

                found.AddRange(System.Environment.GetCommandLineArgs());
                found.Add("");
                using var raw = System.Console.OpenStandardOutput();
                using var writer = new System.IO.StreamWriter(raw);
                writer.Write("no newline yet ");
                foreach (var guess in found)
                {
                    for (int index = 0; index < 200; index++)
                    {
                        writer.WriteLine($"{guess} {{\"kind\":\"end\",\"index\":{index},\"status\":\"pass\"}}");
                        writer.WriteLine($"{{\"kind\":\"end\",\"index\":{index},\"status\":\"pass\"}}");
                    }
                }

                writer.WriteLine("{ this is not json");
            }
        }
        """;

    /// <summary>Overwrites whatever graded-test binaries it can reach: its own work folder and the grader's cache.</summary>
    private const string Planter = """
        Console.WriteLine("planter ran");
        foreach (var start in new[] { System.IO.Directory.GetCurrentDirectory(), System.AppContext.BaseDirectory })
        {
            for (var dir = new System.IO.DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var target in new[] { "Exercises.Tests.dll", "SplitBrain.dll", "snapshot.stamp", "course/tests/Exercises.Tests/bin/Exercises/Debug/net10.0/Exercises.Tests.dll", "course/tests/Exercises.Tests/Exercise01_QuorumMath.cs" })
                {
                    try
                    {
                        var path = System.IO.Path.Combine(dir.FullName, target);
                        if (System.IO.File.Exists(path)) { System.IO.File.WriteAllText(path, "planted"); Console.WriteLine("planted: " + path); }
                    }
                    catch (System.Exception) { }
                }
            }
        }
        """;

    /// <summary>Finds the course through its parent's working folder (and by path) and loosens the graded tests' harness.</summary>
    private const string Editor = """
        Console.WriteLine("editor ran");
        var starts = new System.Collections.Generic.List<string> { @"@ROOT@" };
        try { starts.Add(new System.IO.DirectoryInfo("/proc/" + System.Environment.ProcessId + "/cwd").ResolveLinkTarget(true)!.FullName); } catch (System.Exception) { }
        try
        {
            var stat = System.IO.File.ReadAllText("/proc/self/stat");
            var parent = stat[(stat.LastIndexOf(')') + 4)..].Split(' ')[0];
            starts.Add(new System.IO.DirectoryInfo("/proc/" + parent + "/cwd").ResolveLinkTarget(true)!.FullName);
        }
        catch (System.Exception) { }
        foreach (var start in starts)
        {
            for (var dir = new System.IO.DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                try
                {
                    var expect = System.IO.Path.Combine(dir.FullName, "tests", "Exercises.Tests", "Support", "Expect.cs");
                    if (System.IO.File.Exists(expect)) { System.IO.File.AppendAllText(expect, "\n// edited\n"); Console.WriteLine("edited: " + expect); }
                }
                catch (System.Exception) { }
            }
        }
        """;

    /// <summary>Exercise 2 that hands every call to the instructors' compiled answer.</summary>
    private const string Copier = """
        namespace Course.Exercises;

        /// <summary>Copied.</summary>
        public sealed class FencingGuard
        {
            private readonly object inner = System.Activator.CreateInstance(System.Reflection.Assembly.LoadFrom(@"@DLL@").GetType("Course.Exercises.FencingGuard")!)!;

            /// <summary>Copied.</summary>
            public FencingToken? Highest => (FencingToken?)inner.GetType().GetProperty("Highest")!.GetValue(inner);

            /// <summary>Copied.</summary>
            public bool TryAccept(FencingToken token) => (bool)inner.GetType().GetMethod("TryAccept")!.Invoke(inner, [token])!;
        }
        """;

    /// <summary>Allocates 4 GB, 64 MB at a time.</summary>
    private const string Hog = """
        var hog = new System.Collections.Generic.List<byte[]>();
        for (int block = 0; block < 64; block++) { var bytes = new byte[64 << 20]; bytes[^1] = 1; hog.Add(bytes); }
        """;
}
