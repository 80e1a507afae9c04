using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Course.Grading;

/// <summary>
/// Compiles a submission's exercise files in process (Roslyn), with the course's harness (exercises/Support) and
/// against the simulator the snapshot holds, into the Exercises.dll the graded tests load. An exercise file that
/// does not compile is replaced by its stub and compiled again, so it costs only its own exercise's points; its
/// errors are kept to quote.
/// </summary>
internal static class SubmissionCompiler
{
    /// <summary>The largest exercise file taken from a submission, in bytes.</summary>
    public const int MaxFileBytes = 1_000_000;

    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(LoadFramework);

    /// <summary>Compiles the exercise files of <paramref name="sources"/> (file name to text; a missing file is its stub).</summary>
    /// <param name="snapshot">The course.</param>
    /// <param name="sources">The submission's exercise files, by file name; only the course's exercise file names are used.</param>
    /// <returns>The assembly, and the errors of each exercise that did not compile (by exercise number).</returns>
    public static (byte[] Assembly, IReadOnlyDictionary<int, string> Broken) Compile(GradingSnapshot snapshot, IReadOnlyDictionary<string, string> sources)
    {
        var broken = new Dictionary<int, string>();
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new List<SyntaxTree>
        {
            CSharpSyntaxTree.ParseText(snapshot.GlobalUsings, parse, "GlobalUsings.g.cs"),
            CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"{snapshot.ExercisesVersion}\")]", parse, "AssemblyInfo.g.cs"),
        };
        foreach (var (path, text) in snapshot.Support.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            trees.Add(CSharpSyntaxTree.ParseText(text, parse, "Support/" + path));
        }

        var exerciseTrees = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
        foreach (var exercise in snapshot.Exercises)
        {
            var text = sources.TryGetValue(exercise.FileName, out var given) ? given : snapshot.Stubs[exercise.FileName];
            exerciseTrees[exercise.FileName] = CSharpSyntaxTree.ParseText(text, parse, exercise.FileName);
        }

        var references = Framework.Value.AddRange(snapshot.References.Select(r => MetadataReference.CreateFromImage(snapshot.Files[r])));
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            optimizationLevel: OptimizationLevel.Debug,
            allowUnsafe: false,
            deterministic: true);
        for (int round = 0; round <= snapshot.Exercises.Count; round++)
        {
            var compilation = CSharpCompilation.Create("Exercises", trees.Concat(exerciseTrees.Values), references, options);
            using var assembly = new MemoryStream();
            var result = compilation.Emit(assembly);
            if (result.Success)
            {
                return (assembly.ToArray(), broken);
            }

            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            bool replaced = false;
            foreach (var exercise in snapshot.Exercises)
            {
                var mine = errors.Where(e => e.Location.SourceTree?.FilePath == exercise.FileName).ToArray();
                if (mine.Length > 0 && !broken.ContainsKey(exercise.Number))
                {
                    broken[exercise.Number] = Quote(mine);
                    exerciseTrees[exercise.FileName] = CSharpSyntaxTree.ParseText(snapshot.Stubs[exercise.FileName], parse, exercise.FileName);
                    replaced = true;
                }
            }

            if (!replaced)
            {
                // An error no exercise file owns (a clash between two answers, say): grade every answer as its stub.
                foreach (var exercise in snapshot.Exercises)
                {
                    if (!broken.ContainsKey(exercise.Number) && sources.ContainsKey(exercise.FileName))
                    {
                        broken[exercise.Number] = Quote(errors);
                        exerciseTrees[exercise.FileName] = CSharpSyntaxTree.ParseText(snapshot.Stubs[exercise.FileName], parse, exercise.FileName);
                        replaced = true;
                    }
                }

                if (!replaced)
                {
                    break;
                }
            }
        }

        throw new InvalidOperationException("The course's own exercise stubs do not compile with its harness.");
    }

    /// <summary>Reads a submission's exercise files: the course's exercise file names only, no links, none too large.</summary>
    /// <param name="snapshot">The course.</param>
    /// <param name="folder">The submission's exercises folder.</param>
    public static Dictionary<string, string> ReadSubmission(GradingSnapshot snapshot, string folder)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var exercise in snapshot.Exercises)
        {
            var file = new FileInfo(Path.Combine(folder, exercise.FileName));
            // A symbolic link could point at any file of the grading machine: never follow one.
            if (file.Exists && file.LinkTarget is null && file.Length <= MaxFileBytes)
            {
                sources[exercise.FileName] = File.ReadAllText(file.FullName);
            }
        }

        return sources;
    }

    private static string Quote(IReadOnlyList<Diagnostic> errors)
    {
        var lines = errors.Take(5).Select(e =>
        {
            var span = e.Location.GetLineSpan();
            return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): error {e.Id}: {e.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        });
        var more = errors.Count > 5 ? $"\n(and {errors.Count - 5} more errors)" : "";
        return string.Join("\n", lines) + more;
    }

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        var folder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
        {
            if (IsManaged(file))
            {
                references.Add(MetadataReference.CreateFromFile(file));
            }
        }

        return references.ToImmutable();
    }

    private static bool IsManaged(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            return pe.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
