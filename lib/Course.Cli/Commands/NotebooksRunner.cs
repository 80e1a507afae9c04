using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Course.Cli;

/// <summary>
/// Runs a notebook top to bottom in the real .NET Interactive kernel, headless, through the <c>dotnet-repl</c>
/// tool of the course's tool manifest (<c>.config/dotnet-tools.json</c>).
/// </summary>
/// <remarks>
/// The runner starts in the notebook's own folder, as VS Code does, so the notebook's relative <c>#r</c>
/// paths resolve the same way for a learner and here. dotnet-repl exits 0 when every cell succeeded and 2
/// otherwise; the executed copy it writes holds every cell's outputs, errors included.
/// </remarks>
public static class NotebooksRunner
{
    /// <summary>Makes sure the course's dotnet tools are installed (<c>dotnet tool restore</c>); a no-op when they are.</summary>
    /// <param name="repositoryRoot">The folder holding <c>.config/dotnet-tools.json</c>.</param>
    /// <returns>Null on success; otherwise what went wrong.</returns>
    public static string? RestoreTools(string repositoryRoot)
    {
        var (code, output) = Run("dotnet", ["tool", "restore"], repositoryRoot, TimeSpan.FromMinutes(5));
        return code == 0 ? null : $"'dotnet tool restore' failed (exit {code}): {LastLines(output, 5)}";
    }

    /// <summary>Runs <paramref name="notebook"/> and writes its executed copy to <paramref name="executed"/>.</summary>
    /// <param name="notebook">The .ipynb file.</param>
    /// <param name="executed">Where the copy with outputs goes.</param>
    /// <param name="timeout">How long the notebook may take before it is stopped and reported.</param>
    public static NotebooksRun Execute(string notebook, string executed, TimeSpan timeout)
    {
        notebook = Path.GetFullPath(notebook);
        executed = Path.GetFullPath(executed);
        string name = Path.GetFileNameWithoutExtension(notebook);
        if (File.Exists(executed))
        {
            File.Delete(executed);
        }

        var clock = Stopwatch.StartNew();
        var (code, output) = Run(
            "dotnet",
            ["tool", "run", "dotnet-repl", "--", "--run", notebook, "--exit-after-run", "--output-path", executed],
            Path.GetDirectoryName(notebook)!,
            timeout);
        double seconds = Math.Round(clock.Elapsed.TotalSeconds, 1);

        if (!File.Exists(executed))
        {
            return new NotebooksRun(name, notebook, null, null, code, seconds, 0, 0,
                [$"{name}: the kernel wrote no executed notebook (exit {code}): {LastLines(output, 8)}"]);
        }

        var cells = NotebooksCells.Cells(File.ReadAllText(executed));
        var errors = new List<string>();
        int codeCells = 0, charts = 0;
        for (int i = 0; i < cells.Count; i++)
        {
            if (!NotebooksCells.IsCode(cells[i]))
            {
                continue;
            }

            codeCells++;
            charts += NotebooksCells.Outputs(cells[i]).Count(o => NotebooksCells.Data(o, "text/html")?.Contains(NotebooksCells.ChartMarker, StringComparison.Ordinal) == true);
            string firstLine = NotebooksCells.Source(cells[i]).Split('\n')[0].Trim();
            errors.AddRange(NotebooksCells.Errors(cells[i]).Select(e => $"{name}, cell {i + 1} ({firstLine}): {e}"));
        }

        if (code != 0 && errors.Count == 0)
        {
            errors.Add($"{name}: the kernel runner exited with {code}: {LastLines(output, 8)}");
        }

        return new NotebooksRun(name, notebook, executed, null, code, seconds, codeCells, charts, errors);
    }

    private static (int Code, string Output) Run(string file, string[] args, string workingDirectory, TimeSpan timeout)
    {
        using var process = new Course.Grading.ChildProcess(file, args, workingDirectory);
        if (!process.WaitForExit(timeout))
        {
            process.Kill();
            return (-1, $"stopped after {timeout.TotalSeconds:0} s\n{process.Output}{process.Errors}");
        }

        return (process.ExitCode, process.Output + process.Errors);
    }

    private static string LastLines(string text, int count) =>
        string.Join(" | ", Regex.Replace(text, @"\x1b\[[0-9;?]*[A-Za-z]", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(count));
}
