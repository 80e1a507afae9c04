using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace Course.Notebooks;

/// <summary>
/// Reading and writing lesson notebooks (.ipynb) with .NET Interactive's own document model, and the few questions
/// the runner, the page writer, the progress view and the tests ask of a cell.
/// </summary>
public static class LessonFile
{
    /// <summary>What a chart's HTML always holds, whoever drew it (the course's own figures and Plotly.NET's charts alike).</summary>
    public const string ChartMarker = "Plotly.newPlot(";

    /// <summary>The kernels a lesson's cells may name: the C# kernel for code, and markdown for prose.</summary>
    public static KernelInfoCollection Kernels()
    {
        var kernels = new KernelInfoCollection
        {
            new KernelInfo(CourseKernel.CSharpKernelName, "C#", ["c#", "C#"]),
            new KernelInfo("markdown", "Markdown", ["md"]),
        };
        kernels.DefaultKernelName = CourseKernel.CSharpKernelName;
        return kernels;
    }

    /// <summary>Reads the notebook at <paramref name="path"/>.</summary>
    /// <param name="path">An .ipynb file.</param>
    /// <exception cref="FormatException">The file is not a notebook.</exception>
    public static InteractiveDocument Read(string path) => Parse(File.ReadAllText(path));

    /// <summary>Parses a notebook's JSON text.</summary>
    /// <param name="json">The .ipynb text.</param>
    /// <exception cref="FormatException">It is not a notebook.</exception>
    public static InteractiveDocument Parse(string json)
    {
        try
        {
            return Notebook.Parse(json, Kernels());
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            throw new FormatException($"not a notebook: {e.Message}", e);
        }
    }

    /// <summary>Writes <paramref name="document"/> to <paramref name="path"/> as .ipynb (nbformat 4).</summary>
    /// <param name="document">The notebook, outputs included.</param>
    /// <param name="path">Where it goes.</param>
    public static void Write(InteractiveDocument document, string path) =>
        File.WriteAllText(path, Notebook.ToJupyterJson(document)); // the lessons carry their own kernelspec metadata

    /// <summary>Whether the cell is a code cell (anything but markdown).</summary>
    /// <param name="cell">A cell of a notebook.</param>
    public static bool IsCode(InteractiveDocumentElement cell) => cell.KernelName != "markdown";

    /// <summary>The code cells of <paramref name="document"/>, in order.</summary>
    /// <param name="document">A notebook.</param>
    public static IEnumerable<InteractiveDocumentElement> CodeCells(InteractiveDocument document) => document.Elements.Where(IsCode);

    /// <summary>The text of one MIME type of an output, or null when it has none (or is not a display or a result).</summary>
    /// <param name="output">An output of a cell.</param>
    /// <param name="mimeType">Such as <c>text/html</c>.</param>
    public static string? Data(InteractiveDocumentOutputElement output, string mimeType)
    {
        var data = output switch
        {
            DisplayElement display => display.Data,
            ReturnValueElement result => result.Data,
            _ => null,
        };
        return data is not null && data.TryGetValue(mimeType, out var value) ? Text(value) : null;
    }

    /// <summary>The HTML outputs of a cell.</summary>
    /// <param name="cell">A cell.</param>
    public static IEnumerable<string> Html(InteractiveDocumentElement cell) => cell.Outputs.Select(o => Data(o, "text/html")).OfType<string>();

    /// <summary>Whether an HTML output draws a chart.</summary>
    /// <param name="html">The output's HTML.</param>
    public static bool IsChart(string html) => html.Contains(ChartMarker, StringComparison.Ordinal);

    /// <summary>The error outputs of a cell, as <c>name: message</c>.</summary>
    /// <param name="cell">A cell.</param>
    public static IEnumerable<string> Errors(InteractiveDocumentElement cell) =>
        cell.Outputs.OfType<ErrorElement>().Select(e => $"{e.ErrorName}: {e.ErrorValue}".Trim());

    /// <summary>The lesson's title: the text of its first <c># </c> heading; null when it has none.</summary>
    /// <param name="document">A notebook.</param>
    public static string? Title(InteractiveDocument document)
    {
        foreach (var cell in document.Elements.Where(c => !IsCode(c)))
        {
            foreach (string line in cell.Contents.Split('\n'))
            {
                if (line.StartsWith("# ", StringComparison.Ordinal))
                {
                    return line[2..].Trim();
                }
            }
        }

        return null;
    }

    /// <summary>The title of the lesson notebook at <paramref name="path"/>; null when it has none or cannot be read (one being edited may not parse).</summary>
    /// <param name="path">An .ipynb file.</param>
    public static string? TitleOf(string path)
    {
        try
        {
            return Title(Read(path));
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            return null;
        }
    }

    // nbformat stores multi-line text as a string or a list of lines.
    private static string Text(object? value) => value switch
    {
        null => "",
        string text => text,
        IEnumerable<object> lines => string.Concat(lines.Select(Text)),
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array => string.Concat(array.EnumerateArray().Select(l => l.GetString())),
        System.Text.Json.JsonElement element => element.ToString(),
        _ => value.ToString() ?? "",
    };
}
