using System.Globalization;
using System.Text.RegularExpressions;
using Course.Notebooks;
using Notebooks.Tests.Lessons;
using Notebooks.Tests.Support;
using Xunit.Abstractions;

namespace Notebooks.Tests.Kernel;

/// <summary>
/// The lessons as a learner runs them in VS Code: the course kernel started with the command in .vscode/settings.json,
/// each code cell sent as a SubmitCode envelope for the csharp kernel, every cell of all nine lessons succeeding,
/// and a chart (Plotly HTML) shown in every lesson that draws.
/// </summary>
[Collection(LessonsCollection.Name)] // one kernel at a time: the figures it prints are not inflated by the other lessons
public sealed partial class VsCodeKernelTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void The_settings_start_the_course_kernel_dll_in_the_notebooks_folder_as_Polyglot_Notebooks_does()
    {
        var args = StdioKernel.SettingsCommand();

        Assert.Equal("{dotnet_path}", args[0]);
        Assert.Equal(["[vscode]", "stdio", "--working-dir", "{working_dir}"], args[2..]);
        Assert.True(File.Exists(Path.Combine(Repository.NotebooksFolder, args[1])), $"{args[1]} (relative to notebooks/) is not built: dotnet build course.sln");
    }

    [Fact]
    public void The_dev_container_starts_the_same_kernel_in_the_same_folder_as_the_workspace_settings()
    {
        var workspace = StdioKernel.Settings(Path.Combine(Repository.Root, ".vscode", "settings.json"));
        var container = StdioKernel.Settings(Path.Combine(Repository.Root, ".devcontainer", "devcontainer.json"))["customizations"]!["vscode"]!["settings"]!;

        foreach (string key in new[] { "dotnet-interactive.kernelTransportArgs", "polyglot-notebook.kernelTransportArgs", "dotnet-interactive.kernelTransportWorkingDirectory", "polyglot-notebook.kernelTransportWorkingDirectory" })
        {
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(workspace[key], container[key]), $"{key} differs between .vscode/settings.json and .devcontainer/devcontainer.json");
        }

        Assert.Contains("dotnet build course.sln", (string?)StdioKernel.Settings(Path.Combine(Repository.Root, ".devcontainer", "devcontainer.json"))["postCreateCommand"]);
    }

    [Fact]
    public void Every_cell_of_every_lesson_succeeds_over_stdio_and_every_lesson_that_draws_shows_a_chart()
    {
        var lessons = Directory.GetFiles(Repository.NotebooksFolder, "*.ipynb").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(9, lessons.Length);
        LessonSite.BuildExercises(Repository.Root, null); // what the swap-in cells load, as `course notebooks` builds it
        var failures = new List<string>();
        foreach (string lesson in lessons)
        {
            string name = Path.GetFileNameWithoutExtension(lesson);
            var cells = LessonFile.CodeCells(LessonFile.Read(lesson)).ToArray();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var kernel = StdioKernel.Start(Repository.NotebooksFolder);
            int charts = 0;
            for (int i = 0; i < cells.Length; i++)
            {
                var result = kernel.Submit(cells[i].Contents, CellTimeout);
                charts += result.Html.Count(LessonFile.IsChart);
                if (!result.Succeeded)
                {
                    failures.Add($"{name}, code cell {i + 1} ({cells[i].Contents.Split('\n')[0]}): {result.Message}");
                }
            }

            bool draws = cells.Any(c => ChartCall().IsMatch(c.Contents));
            if (draws && charts == 0)
            {
                failures.Add($"{name} calls a chart but showed no Plotly HTML");
            }

            // Figures, not limits: notebooks/README.md quotes them.
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: KernelReady {kernel.ReadySeconds:0.00} s, {cells.Length} cells, {charts} charts, {clock.Elapsed.TotalSeconds:0.0} s"));
        }

        Assert.True(failures.Count == 0, "cells failed on the course kernel over stdio:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void A_failing_cell_answers_CommandFailed_with_the_compiler_error_and_the_kernel_goes_on()
    {
        using var kernel = StdioKernel.Start(Repository.NotebooksFolder);

        var typo = kernel.Submit("Consle.WriteLine(1);", CellTimeout);
        var next = kernel.Submit("Quorum.Majority(5).Size", CellTimeout);

        Assert.False(typo.Succeeded);
        Assert.Contains("Consle", typo.Message);
        Assert.True(next.Succeeded, next.Message); // SplitBrain is in scope without a using line
    }

    [GeneratedRegex(@"Pictures\.(SpaceTime|Leadership|Balance|WhoCanWrite|Terms|Progress|History)\(")]
    private static partial Regex ChartCall();
}
