using System.CommandLine;
using System.Text.Json;
using Course.Cli.Commands;
using Course.Notebooks;

namespace Course.Cli;

/// <summary>
/// <c>course notebooks --out DIR</c>: runs every lesson notebook headless on the course kernel (lib/Course.Notebooks)
/// and writes, for each, the executed notebook and a static HTML page whose charts draw without a network, plus an index page
/// and the playground (in <c>playground/</c>), to which each page links the scenario runs it shows.
/// </summary>
/// <remarks>
/// Exit codes: 0 when every notebook ran without an error output, 1 when one failed (each failed cell is named),
/// 2 for bad input. It builds the exercises the lessons' swap-in cells load before the first lesson runs.
/// </remarks>
public static class NotebooksCommand
{
    /// <summary>Builds the <c>notebooks</c> verb.</summary>
    public static Command Create()
    {
        var outOption = new Option<DirectoryInfo>("--out") { Description = "Where the executed notebooks and HTML pages go.", Required = true };
        var fromOption = new Option<DirectoryInfo?>("--notebooks") { Description = "The folder of .ipynb lessons (default: notebooks/ of this course)." };
        var onlyOption = new Option<string?>("--only") { Description = "Run only the notebooks whose name contains this text, such as 01." };
        var jsonOption = new Option<bool>("--json") { Description = "Print the results as JSON." };
        var command = new Command("notebooks", "Run every lesson notebook headless on the course kernel; write executed copies and offline HTML pages.")
        {
            outOption, fromOption, onlyOption, jsonOption,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            try
            {
                var folder = parse.GetValue(fromOption)?.FullName ?? Path.Combine(CourseFolder.Find(), "notebooks");
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

                bool json = parse.GetValue(jsonOption);
                string site = parse.GetValue(outOption)!.FullName;
                var runs = LessonSite.ExportAsync(notebooks, site, LessonSite.DefaultTimeout, json ? null : output).GetAwaiter().GetResult();

                // The playground beside the pages, where each page's "Open this run in the playground" points.
                var (files, _) = PlaygroundSite.Write(Path.Combine(site, Path.GetDirectoryName(LessonPage.Playground)!));
                if (!json)
                {
                    output.WriteLine($"wrote the playground ({files} files) to {Path.Combine(site, Path.GetDirectoryName(LessonPage.Playground)!)}; the lesson pages link their runs to it");
                }

                if (json)
                {
                    output.WriteLine(JsonSerializer.Serialize(runs, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
                }

                return runs.All(r => r.Succeeded) ? 0 : 1;
            }
            catch (Exception problem) when (problem is CourseSetupException or InvalidOperationException)
            {
                throw new UsageException(problem.Message);
            }
            catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot write the site to {parse.GetValue(outOption)!.FullName}: {problem.Message}");
            }
        });
        return command;
    }
}
