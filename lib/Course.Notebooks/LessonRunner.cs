using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Course.Notebooks;

/// <summary>
/// Runs a lesson notebook top to bottom on a fresh <see cref="CourseKernel"/> in this process, cell by cell, and
/// writes the executed copy: every cell's outputs (displays, results, console text, errors), as VS Code would.
/// </summary>
/// <remarks>
/// The kernel starts in the notebook's own folder, as VS Code starts it (<c>--working-dir</c>), so a lesson's
/// relative paths (<c>#r "../exercises/bin/Debug/net10.0/Exercises.dll"</c>) mean the same for a learner and here.
/// That folder is the process's current folder, so lessons run one at a time.
/// </remarks>
public static class LessonRunner
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Runs <paramref name="notebook"/> and writes its executed copy to <paramref name="executed"/>.</summary>
    /// <param name="notebook">The .ipynb file.</param>
    /// <param name="executed">Where the copy with outputs goes.</param>
    /// <param name="timeout">How long the whole notebook may take; a cell still running then is reported and the rest skipped.</param>
    public static async Task<LessonRun> RunAsync(string notebook, string executed, TimeSpan timeout)
    {
        notebook = Path.GetFullPath(notebook);
        executed = Path.GetFullPath(executed);
        string name = Path.GetFileNameWithoutExtension(notebook);
        var document = LessonFile.Read(notebook);
        await OneAtATime.WaitAsync();
        string folder = Directory.GetCurrentDirectory();
        var clock = Stopwatch.StartNew();
        var errors = new List<string>();
        int cells = 0, charts = 0;
        try
        {
            using var kernel = await CourseKernel.CreateAsync(Path.GetDirectoryName(notebook));
            int number = 0;
            foreach (var cell in document.Elements)
            {
                number++;
                if (!LessonFile.IsCode(cell))
                {
                    continue;
                }

                cells++;
                cell.Outputs.Clear();
                string firstLine = cell.Contents.Split('\n')[0].Trim();
                var left = timeout - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    errors.Add($"{name}, cell {number} ({firstLine}): not run, the notebook ran out of its {timeout.TotalSeconds:0} s");
                    continue;
                }

                var run = kernel.SendAsync(new SubmitCode(cell.Contents, CourseKernel.CSharpKernelName));
                if (await Task.WhenAny(run, Task.Delay(left)) != run)
                {
                    errors.Add($"{name}, cell {number} ({firstLine}): still running after {timeout.TotalSeconds:0} s; stopped");
                    cell.Outputs.Add(new ErrorElement("Timeout", $"still running after {timeout.TotalSeconds:0} s", []));
                    _ = kernel.SendAsync(new Cancel());
                    continue;
                }

                foreach (var output in Outputs(run.Result.Events))
                {
                    cell.Outputs.Add(output);
                }

                cell.ExecutionOrder = cells;
                charts += LessonFile.Html(cell).Count(LessonFile.IsChart);
                errors.AddRange(LessonFile.Errors(cell).Select(e => $"{name}, cell {number} ({firstLine}): {e}"));
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(folder);
            OneAtATime.Release();
        }

        double seconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
        Directory.CreateDirectory(Path.GetDirectoryName(executed)!);
        LessonFile.Write(document, executed);
        return new LessonRun(name, notebook, executed, null, seconds, cells, charts, errors);
    }

    /// <summary>The outputs a notebook keeps for a cell, from the events the kernel sent while running it.</summary>
    /// <param name="events">The command's events, in order.</param>
    public static IEnumerable<InteractiveDocumentOutputElement> Outputs(IEnumerable<KernelEvent> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case StandardOutputValueProduced stdout:
                    yield return new TextElement(PlainText(stdout.FormattedValues), "stdout");
                    break;
                case StandardErrorValueProduced stderr:
                    yield return new TextElement(PlainText(stderr.FormattedValues), "stderr");
                    break;
                case ErrorProduced error:
                    yield return new ErrorElement("Error", error.Message, []);
                    break;
                case ReturnValueProduced result:
                    var returned = new ReturnValueElement();
                    foreach (var (mimeType, value) in Data(result.FormattedValues))
                    {
                        returned.Data[mimeType] = value;
                    }

                    yield return returned;
                    break;
                case DisplayedValueProduced or DisplayedValueUpdated:
                    yield return new DisplayElement(Data(((DisplayEvent)e).FormattedValues));
                    break;
                case CommandFailed failed when failed.Command is SubmitCode:
                    yield return new ErrorElement("Error", failed.Message, []);
                    break;
            }
        }
    }

    private static Dictionary<string, object> Data(IEnumerable<FormattedValue> values)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var value in values.Where(v => !v.SuppressDisplay))
        {
            data[value.MimeType] = value.Value;
        }

        return data;
    }

    private static string PlainText(IEnumerable<FormattedValue> values) =>
        values.FirstOrDefault(v => v.MimeType == "text/plain")?.Value ?? string.Concat(values.Select(v => v.Value));
}
