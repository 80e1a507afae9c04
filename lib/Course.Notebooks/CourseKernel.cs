using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;
using SplitBrain;
using SplitBrain.Visuals;

namespace Course.Notebooks;

/// <summary>
/// The course kernel: the kernel every lesson runs on, in VS Code (through lib/Course.Kernel over stdio), in
/// <c>course notebooks</c> and in the tests (in this process).
/// </summary>
/// <remarks>
/// <para>It is a .NET Interactive <see cref="CompositeKernel"/> holding one <see cref="CSharpKernel"/> named
/// <c>csharp</c>. The C# kernel starts with the course's libraries referenced (SplitBrain, SplitBrain.Visuals,
/// SplitBrain.Lab) and <c>using SplitBrain; using SplitBrain.Visuals;</c> already in scope, and with
/// Plotly.NET and Plotly.NET.Interactive loaded, so a chart shows as a chart from the first cell on.</para>
/// <para><c>#r "nuget: Name, Version"</c> works as in the stock kernel, and a restored package's kernel extension
/// (the <see cref="IKernelExtension"/> types in its <c>interactive-extensions/dotnet/</c> folder) is loaded.</para>
/// <para>Because the course pins every package here, a lesson never meets a kernel that ships another FSharp.Core
/// than the one Plotly.NET needs (the stock kernel ships 10.0; Plotly.NET 6 needs 10.1).</para>
/// </remarks>
public static class CourseKernel
{
    /// <summary>The name of the C# kernel inside the composite kernel, as lessons' cells name it.</summary>
    public const string CSharpKernelName = "csharp";

    /// <summary>
    /// The key of the value the course kernel leaves in <see cref="AppDomain.GetData(string)"/>: the "lesson tools ready" note.
    /// A lesson's first cell reads it to tell the course kernel from any other without naming a course type.
    /// </summary>
    public const string ReadyKey = "SplitBrain.Course.Kernel";

    /// <summary>The namespaces every cell can use without a <c>using</c> line.</summary>
    public static IReadOnlyList<string> Namespaces { get; } = ["SplitBrain", "SplitBrain.Visuals"];

    private static readonly object Loading = new();
    private static readonly HashSet<string> LoadedExtensions = new(StringComparer.Ordinal);

    /// <summary>Builds a course kernel, ready for its first cell.</summary>
    /// <param name="workingDirectory">The folder relative <c>#r</c> paths start from; null keeps the process's.</param>
    /// <returns>The composite kernel; dispose it when done.</returns>
    public static async Task<CompositeKernel> CreateAsync(string? workingDirectory = null)
    {
        if (workingDirectory is not null)
        {
            Directory.SetCurrentDirectory(workingDirectory);
        }

        var csharp = new CSharpKernel(CSharpKernelName)
            .UseNugetDirective(OnPackagesRestoredAsync, forceRestore: false)
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();
        var composite = new CompositeKernel("course")
        {
            { csharp, ["c#", "C#"] },
        };
        composite.DefaultKernelName = CSharpKernelName;
        composite.UseImportMagicCommand();

        csharp.AddAssemblyReferences(CourseAssemblies().Select(a => a.Location));
        await LoadExtensionsAsync(composite, typeof(Plotly.NET.Interactive.FormatterKernelExtension).Assembly);

        // Deferred: the usings compile just before the first cell runs, so the kernel is ready (KernelReady) before
        // the C# compiler has warmed up.
        csharp.DeferCommand(new SubmitCode(string.Concat(Namespaces.Select(n => $"using {n};\n")), CSharpKernelName));
        AppDomain.CurrentDomain.SetData(ReadyKey, Lesson.Setup());
        return composite;
    }

    /// <summary>The assemblies a cell can use from the start: the course's libraries, Plotly.NET and its kernel extension.</summary>
    public static IReadOnlyList<Assembly> CourseAssemblies() =>
    [
        typeof(Simulation).Assembly,
        typeof(Lesson).Assembly,
        typeof(SplitBrain.Lab.SimulatedFencedLedger).Assembly,
        typeof(Plotly.NET.GenericChart).Assembly,
        typeof(Plotly.NET.Interactive.FormatterKernelExtension).Assembly,
        typeof(Microsoft.FSharp.Core.FSharpOption<>).Assembly,
    ];

    // #r "nuget:" restored packages: reference their assemblies and load the kernel extensions they ship.
    private static async Task OnPackagesRestoredAsync(Kernel kernel, IReadOnlyList<ResolvedPackageReference> packages)
    {
        if (kernel is CSharpKernel csharp)
        {
            csharp.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
        }

        foreach (var package in packages)
        {
            string folder = Path.Combine(package.PackageRoot, "interactive-extensions", "dotnet");
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (string file in Directory.GetFiles(folder, "*.dll"))
            {
                var name = AssemblyName.GetAssemblyName(file);
                var assembly = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name))
                    ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(file);
                await LoadExtensionsAsync(kernel.RootKernel, assembly);
            }
        }
    }

    // Runs OnLoadAsync of every IKernelExtension in the assembly, once per process (formatters are process-wide).
    private static async Task LoadExtensionsAsync(Kernel kernel, Assembly assembly)
    {
        var extensions = new List<IKernelExtension>();
        lock (Loading)
        {
            foreach (var type in assembly.GetExportedTypes())
            {
                if (type.IsClass && !type.IsAbstract && typeof(IKernelExtension).IsAssignableFrom(type) && LoadedExtensions.Add(type.AssemblyQualifiedName!))
                {
                    extensions.Add((IKernelExtension)Activator.CreateInstance(type)!);
                }
            }
        }

        foreach (var extension in extensions)
        {
            await extension.OnLoadAsync(kernel);
        }
    }
}
