using System.Diagnostics;
using System.Globalization;

namespace Course.Notebooks;

/// <summary>
/// The lessons as a static site: each notebook run on the course kernel, its executed copy, one HTML page per
/// lesson, an index, and one local plotly.js so every chart draws offline. What <c>course notebooks --out DIR</c> does.
/// </summary>
public static class LessonSite
{
    /// <summary>How long one notebook may run before it is stopped.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The project the lessons' swap-in cells load (<c>#r "../exercises/bin/Debug/net10.0/Exercises.dll"</c>), relative to the course folder.</summary>
    public const string ExercisesProject = "exercises/Exercises.csproj";

    /// <summary>
    /// Builds what the lessons load, runs <paramref name="notebooks"/> in order, and writes their executed copies,
    /// pages, an index and plotly.js into <paramref name="outDirectory"/>.
    /// </summary>
    /// <param name="notebooks">The .ipynb files.</param>
    /// <param name="outDirectory">The output folder; made if missing.</param>
    /// <param name="timeout">How long each notebook may run.</param>
    /// <param name="log">Where to print one line per notebook; null for none.</param>
    /// <exception cref="CourseSetupException">The course folder, plotly.js or the exercises' build is missing.</exception>
    public static async Task<IReadOnlyList<LessonRun>> ExportAsync(IReadOnlyList<string> notebooks, string outDirectory, TimeSpan timeout, TextWriter? log)
    {
        string root = CourseFolder.Find(Path.GetDirectoryName(Path.GetFullPath(notebooks[0])));
        string plotly = Path.Combine(AppContext.BaseDirectory, "Assets", LessonPage.PlotlyFile);
        if (!File.Exists(plotly))
        {
            throw new CourseSetupException($"plotly.js is missing from {plotly}; rebuild with 'dotnet build course.sln'");
        }

        Directory.CreateDirectory(outDirectory);
        BuildExercises(root, log);
        File.Copy(plotly, Path.Combine(outDirectory, LessonPage.PlotlyFile), overwrite: true);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Assets", "plotly.LICENSE.txt"), Path.Combine(outDirectory, "plotly.LICENSE.txt"), overwrite: true);
        var runs = new List<LessonRun>();
        foreach (string notebook in notebooks)
        {
            string name = Path.GetFileNameWithoutExtension(notebook);
            var run = await LessonRunner.RunAsync(notebook, Path.Combine(outDirectory, name + ".ipynb"), timeout);
            string page = Path.Combine(outDirectory, name + ".html");
            await File.WriteAllTextAsync(page, LessonPage.Render(LessonFile.Read(run.Executed!), name));
            run = run with { Page = page };
            runs.Add(run);
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {run.Cells} code cells, {run.Charts} charts, {run.Errors.Count} errors, {run.Seconds:0.0} s{(run.Succeeded ? "" : " FAILED")}"));
            foreach (string error in run.Errors)
            {
                log?.WriteLine("  " + error);
            }
        }

        await File.WriteAllTextAsync(Path.Combine(outDirectory, "index.html"), LessonPage.Index(runs));
        log?.WriteLine($"wrote {runs.Count} executed notebooks and pages to {outDirectory}; open index.html");
        return runs;
    }

    /// <summary>
    /// Builds the learner's exercises (Debug, as <c>dotnet build course.sln</c> does), so a swap-in cell finds
    /// Exercises.dll on a fresh clone too; a no-op build when nothing changed.
    /// </summary>
    /// <param name="root">The course folder.</param>
    /// <param name="log">Where to say so; null for nowhere.</param>
    /// <exception cref="CourseSetupException">The build failed; the message ends with its last lines.</exception>
    public static void BuildExercises(string root, TextWriter? log)
    {
        string project = Path.Combine(root, ExercisesProject);
        if (!File.Exists(project))
        {
            return; // a copy of the course without exercises: the swap-in cells say what is missing
        }

        log?.WriteLine($"building {ExercisesProject} (the lessons' swap-in cells load it)");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "build", project, "-c", "Debug", "-nologo", "-v", "quiet" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var build = Process.Start(start) ?? throw new CourseSetupException("could not start 'dotnet build'; is the .NET SDK on PATH?");
        var output = build.StandardOutput.ReadToEndAsync();
        var errors = build.StandardError.ReadToEndAsync();
        build.WaitForExit();
        if (build.ExitCode != 0)
        {
            string last = string.Join(" | ", (output.Result + errors.Result).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(5));
            throw new CourseSetupException($"'dotnet build {ExercisesProject}' failed (exit {build.ExitCode}): {last}");
        }
    }
}
