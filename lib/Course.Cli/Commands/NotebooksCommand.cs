using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Course.Cli;

/// <summary>
/// <c>course notebooks --out DIR</c>: runs every lesson notebook headless in the real kernel and writes, for each,
/// the executed notebook and a static HTML page whose charts draw without a network, plus an index page.
/// </summary>
/// <remarks>
/// Exit codes: 0 when every notebook ran without an error output, 1 when one failed (each failed cell is named),
/// 2 for bad input. The notebooks load the library from its Debug build folder, so build first
/// (<c>dotnet build course.sln</c>).
/// </remarks>
public static class NotebooksCommand
{
    /// <summary>How long one notebook may run before it is stopped.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Builds the <c>notebooks</c> verb.</summary>
    public static Command Create()
    {
        var outOption = new Option<DirectoryInfo>("--out") { Description = "Where the executed notebooks and HTML pages go.", Required = true };
        var fromOption = new Option<DirectoryInfo?>("--notebooks") { Description = "The folder of .ipynb lessons (default: notebooks/ of this course)." };
        var onlyOption = new Option<string?>("--only") { Description = "Run only the notebooks whose name contains this text, such as 01." };
        var jsonOption = new Option<bool>("--json") { Description = "Print the results as JSON." };
        var command = new Command("notebooks", "Run every lesson notebook headless in the real kernel; write executed copies and offline HTML pages.")
        {
            outOption, fromOption, onlyOption, jsonOption,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var folder = parse.GetValue(fromOption)?.FullName ?? Path.Combine(RepositoryRoot(), "notebooks");
            if (!Directory.Exists(folder))
            {
                throw new UsageException($"no notebooks folder at {folder}; pass --notebooks DIR");
            }

            string only = parse.GetValue(onlyOption) ?? "";
            var notebooks = Directory.GetFiles(folder, "*.ipynb").Where(f => Path.GetFileName(f).Contains(only, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
            if (notebooks.Length == 0)
            {
                throw new UsageException($"no .ipynb notebook in {folder}{(only.Length > 0 ? $" with '{only}' in its name" : "")}");
            }

            var runs = Export(notebooks, parse.GetValue(outOption)!.FullName, DefaultTimeout, parse.GetValue(jsonOption) ? null : output);
            if (parse.GetValue(jsonOption))
            {
                output.WriteLine(JsonSerializer.Serialize(runs, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
            }

            return runs.All(r => r.Succeeded) ? 0 : 1;
        });
        return command;
    }

    /// <summary>Runs <paramref name="notebooks"/> in order and writes their executed copies, pages and an index into <paramref name="outDirectory"/>.</summary>
    /// <param name="notebooks">The .ipynb files.</param>
    /// <param name="outDirectory">The output folder; made if missing.</param>
    /// <param name="timeout">How long each notebook may run.</param>
    /// <param name="log">Where to print one line per notebook; null for none.</param>
    public static IReadOnlyList<NotebooksRun> Export(IReadOnlyList<string> notebooks, string outDirectory, TimeSpan timeout, TextWriter? log)
    {
        Directory.CreateDirectory(outDirectory);
        string root = RepositoryRoot(Path.GetDirectoryName(Path.GetFullPath(notebooks[0]))!);
        if (NotebooksRunner.RestoreTools(root) is { } problem)
        {
            throw new UsageException(problem);
        }

        string plotly = Path.Combine(AppContext.BaseDirectory, "Assets", NotebooksPage.PlotlyFile);
        if (!File.Exists(plotly))
        {
            throw new UsageException($"plotly.js is missing from {plotly}; rebuild with 'dotnet build course.sln'");
        }

        File.Copy(plotly, Path.Combine(outDirectory, NotebooksPage.PlotlyFile), overwrite: true);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Assets", "plotly.LICENSE.txt"), Path.Combine(outDirectory, "plotly.LICENSE.txt"), overwrite: true);
        var runs = new List<NotebooksRun>();
        foreach (string notebook in notebooks)
        {
            string name = Path.GetFileNameWithoutExtension(notebook);
            var run = NotebooksRunner.Execute(notebook, Path.Combine(outDirectory, name + ".ipynb"), timeout);
            if (run.Executed is not null)
            {
                string page = Path.Combine(outDirectory, name + ".html");
                File.WriteAllText(page, NotebooksPage.Render(File.ReadAllText(run.Executed), name));
                run = run with { Page = page };
            }

            runs.Add(run);
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {run.Cells} code cells, {run.Charts} charts, {run.Errors.Count} errors, {run.Seconds:0.0} s{(run.Succeeded ? "" : " FAILED")}"));
            foreach (string error in run.Errors)
            {
                log?.WriteLine("  " + error);
            }
        }

        File.WriteAllText(Path.Combine(outDirectory, "index.html"), NotebooksPage.Index(runs));
        log?.WriteLine($"wrote {runs.Count} executed notebooks and pages to {outDirectory}; open index.html");
        return runs;
    }

    /// <summary>The course's root folder: the nearest folder above <paramref name="start"/> holding course.sln.</summary>
    /// <param name="start">Where to start looking; null: the current folder.</param>
    public static string RepositoryRoot(string? start = null)
    {
        foreach (string from in new[] { start ?? Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "course.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new UsageException("cannot find the course folder (the one with course.sln); run from inside it");
    }
}
