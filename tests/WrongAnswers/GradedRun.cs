using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Course.Grading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Course.WrongAnswers;

/// <summary>
/// Runs the graded tests of one exercise against one version of that exercise's file, in this process.
/// <para>
/// How: Roslyn compiles the course's answers (solutions/ and exercises/Support) into an assembly named
/// <c>Solutions</c>, with one exercise's file swapped for the version under test, and compiles the graded tests
/// (tests/Exercises.Tests) once against the reference answers. Each version runs in its own collectible load
/// context that resolves <c>Solutions</c> to the swapped assembly, so the graded tests meet the version under test
/// exactly as they meet a learner's code. Everything else (SplitBrain, Course.Grading, xunit) is shared with this
/// process. Compiling one version takes a fraction of a second; no <c>dotnet build</c> runs.
/// </para>
/// <para>
/// A test method is run the way the grader runs it: the class is made, the method invoked, and a thrown
/// exception is a failure whose message is what the learner would read.
/// </para>
/// </summary>
internal static partial class GradedRun
{
    private const string AnswersName = "Solutions";
    private const string TestsName = "Exercises.Tests";

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        optimizationLevel: OptimizationLevel.Debug,
        deterministic: true);

    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private static readonly string[] Usings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks", "SplitBrain"];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);
    private static readonly Lazy<CSharpCompilation> Answers = new(CompileAnswers);
    private static readonly Lazy<byte[]> Tests = new(CompileTests);
    private static readonly ConcurrentDictionary<string, IReadOnlyList<Outcome>> Runs = new(StringComparer.Ordinal);

    /// <summary>The result of one graded test.</summary>
    /// <param name="Test">Class and method, as the scoreboard names it.</param>
    /// <param name="Points">What the test is worth.</param>
    /// <param name="Passed">Whether it passed.</param>
    /// <param name="Message">The failure message the learner would read; null when it passed.</param>
    internal sealed record Outcome(string Test, int Points, bool Passed, string? Message);

    /// <summary>The embedded source at <paramref name="name"/>, like <c>solutions/Exercise05_Voter.cs</c>.</summary>
    public static string Source(string name)
    {
        using var stream = typeof(GradedRun).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"No embedded source '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The names of the embedded sources under <paramref name="folder"/> (for example <c>answers/</c>).</summary>
    public static IEnumerable<string> Sources(string folder) =>
        typeof(GradedRun).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(folder, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    /// <summary>The file name of exercise <paramref name="exercise"/> in solutions/ and exercises/, like <c>Exercise05_Voter.cs</c>.</summary>
    public static string ExerciseFile(int exercise) =>
        Sources("solutions/").Select(n => n["solutions/".Length..]).Single(n => n.StartsWith($"Exercise{exercise:00}_", StringComparison.Ordinal));

    /// <summary>
    /// Runs every graded test of exercise <paramref name="exercise"/> with <paramref name="source"/> in place of
    /// its file; the other exercises keep their reference answers.
    /// </summary>
    public static IReadOnlyList<Outcome> Grade(int exercise, string source) =>
        Runs.GetOrAdd($"{exercise}\n{source}", _ => Run(exercise, source));

    private static IReadOnlyList<Outcome> Run(int exercise, string source)
    {
        byte[] answers = Emit(AnswersFor(exercise, CSharpSyntaxTree.ParseText(source, Parse, ExerciseFile(exercise))));
        var context = new SwappedContext(answers, Tests.Value);
        try
        {
            var tests = context.LoadFromAssemblyName(new AssemblyName(TestsName));
            var type = tests.GetType($"Course.Exercises.Graded.{Path.GetFileNameWithoutExtension(ExerciseFile(exercise))}", throwOnError: true)!;
            if (type.GetCustomAttribute<ExerciseAttribute>()?.Number != exercise)
            {
                throw new InvalidOperationException($"{type.Name} does not carry [Exercise({exercise}, ...)].");
            }

            var outcomes = new List<Outcome>();
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).OrderBy(m => m.MetadataToken))
            {
                if (method.GetCustomAttribute<PointsAttribute>() is not { } points)
                {
                    continue;
                }

                string? message = RunOne(type, method);
                outcomes.Add(new Outcome($"{type.Name}.{method.Name}", points.Points, message is null, message));
            }

            return outcomes;
        }
        finally
        {
            context.Unload();
        }
    }

    private static string? RunOne(Type type, MethodInfo method)
    {
        // A guard against a graded test that never ends (a wrong answer's endless loop): its thread is left behind.
        string? message = null;
        var runner = new Thread(() => message = Invoke(type, method)) { IsBackground = true };
        runner.Start();
        return runner.Join(HangGuard) ? message : $"The test did not end within {HangGuard.TotalSeconds} s: it hangs.";
    }

    private static string? Invoke(Type type, MethodInfo method)
    {
        try
        {
            object instance = Activator.CreateInstance(type)!;
            if (method.Invoke(instance, null) is Task task)
            {
                task.GetAwaiter().GetResult();
            }

            return null;
        }
        catch (Exception thrown)
        {
            while (thrown is TargetInvocationException { InnerException: { } inner })
            {
                thrown = inner;
            }

            return thrown.GetType().FullName?.StartsWith("Xunit.", StringComparison.Ordinal) == true
                ? thrown.Message
                : $"The code threw {thrown.GetType().Name}: {thrown.Message}";
        }
    }

    /// <summary>
    /// The answers assembly for grading exercise <paramref name="exercise"/> with <paramref name="swapped"/> as its
    /// file: the given types (exercises/Support), that file, and the reference answers of the other exercises its
    /// graded tests name, directly or through a helper in tests/Exercises.Tests/Support (exercise 10's tests run
    /// exercise 2's guard). The types left out are never touched by those tests, and compiling less is what keeps
    /// a wrong answer's turn short.
    /// </summary>
    private static CSharpCompilation AnswersFor(int exercise, SyntaxTree swapped)
    {
        var named = Words(Source("graded/" + ExerciseFile(exercise)));
        foreach (var helper in Sources("graded/").Where(n => !Path.GetFileName(n).StartsWith("Exercise", StringComparison.Ordinal)))
        {
            if (named.Contains(Path.GetFileNameWithoutExtension(helper)))
            {
                named.UnionWith(Words(Source(helper)));
            }
        }

        var trees = new List<SyntaxTree>();
        foreach (var tree in Answers.Value.SyntaxTrees)
        {
            if (tree.FilePath == swapped.FilePath)
            {
                trees.Add(swapped);
            }
            else if (!tree.FilePath.StartsWith("Exercise", StringComparison.Ordinal) || DeclaredTypes(tree).Any(named.Contains))
            {
                trees.Add(tree);
            }
        }

        return Answers.Value.RemoveAllSyntaxTrees().AddSyntaxTrees(trees);
    }

    private static HashSet<string> Words(string source) => [.. WordPattern().Matches(source).Select(m => m.Value)];

    private static IEnumerable<string> DeclaredTypes(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>().Select(t => t.Identifier.Text);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b[A-Z]\w*")]
    private static partial System.Text.RegularExpressions.Regex WordPattern();

    private static CSharpCompilation CompileAnswers()
    {
        var trees = new List<SyntaxTree> { GlobalUsings(Usings) };
        foreach (var name in Sources("solutions/").Concat(Sources("support/")))
        {
            trees.Add(CSharpSyntaxTree.ParseText(Source(name), Parse, name[(name.IndexOf('/') + 1)..]));
        }

        return CSharpCompilation.Create(AnswersName, trees, References.Value, Options);
    }

    private static byte[] CompileTests()
    {
        var trees = new List<SyntaxTree> { GlobalUsings([.. Usings, "Xunit", "Course.Grading"]) };
        foreach (var name in Sources("graded/"))
        {
            trees.Add(CSharpSyntaxTree.ParseText(Source(name), Parse, name));
        }

        var answers = Answers.Value.ToMetadataReference();
        return Emit(CSharpCompilation.Create(TestsName, trees, [.. References.Value, answers], Options));
    }

    private static SyntaxTree GlobalUsings(IEnumerable<string> namespaces) =>
        CSharpSyntaxTree.ParseText(string.Concat(namespaces.Select(n => $"global using {n};\n")), Parse, "GlobalUsings.cs");

    private static byte[] Emit(CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5);
            throw new InvalidOperationException($"{compilation.AssemblyName} does not compile: " + string.Join(" | ", errors));
        }

        return image.ToArray();
    }

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        // The framework and every assembly this test project ships with: SplitBrain, Course.Grading, xunit.
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return paths.Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
    }

    /// <summary>Resolves the answers and the graded tests to the images compiled here; everything else to this process's copy.</summary>
    private sealed class SwappedContext(byte[] answers, byte[] tests) : AssemblyLoadContext(isCollectible: true)
    {
        private Assembly? loadedAnswers;
        private Assembly? loadedTests;

        protected override Assembly? Load(AssemblyName name) => name.Name switch
        {
            AnswersName => loadedAnswers ??= LoadFromStream(new MemoryStream(answers)),
            TestsName => loadedTests ??= LoadFromStream(new MemoryStream(tests)),
            _ => null,
        };
    }
}
