using System.Net;
using System.Text;
using Markdig;

namespace Course.Cli;

/// <summary>
/// Turns an executed notebook into one static HTML page: the lesson's text, its code, and every output,
/// charts included. The page loads plotly.js from a file beside it, so it reads the same without a network
/// and without a notebook kernel.
/// </summary>
public static class NotebooksPage
{
    /// <summary>The file name of plotly.js beside the pages.</summary>
    public const string PlotlyFile = "plotly.min.js";

    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().Build();

    /// <summary>Renders the executed notebook <paramref name="notebookJson"/> as a page.</summary>
    /// <param name="notebookJson">The executed notebook's JSON.</param>
    /// <param name="fallbackTitle">The page title when the notebook has no heading.</param>
    /// <param name="index">The link back to the list of lessons.</param>
    public static string Render(string notebookJson, string fallbackTitle, string index = "index.html")
    {
        var cells = NotebooksCells.Cells(notebookJson);
        string title = fallbackTitle;
        var body = new StringBuilder();
        int number = 0;
        foreach (var cell in cells)
        {
            string source = NotebooksCells.Source(cell);
            if (!NotebooksCells.IsCode(cell))
            {
                if (title == fallbackTitle && source.TrimStart().StartsWith("# ", StringComparison.Ordinal))
                {
                    title = source.TrimStart()[2..].Split('\n')[0].Trim();
                }

                body.Append("<section class=\"md\">").Append(Markdig.Markdown.ToHtml(source, Markdown)).Append("</section>\n");
                continue;
            }

            number++;
            body.Append($"<section class=\"cell\"><div class=\"in\">[{number}]</div><pre class=\"code\"><code>{WebUtility.HtmlEncode(source)}</code></pre>\n");
            foreach (var output in NotebooksCells.Outputs(cell))
            {
                body.Append("<div class=\"out\">").Append(Output(output)).Append("</div>\n");
            }

            body.Append("</section>\n");
        }

        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(title)}}</title>
            <script src="{{PlotlyFile}}"></script>
            <style>
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1040px;margin:24px auto;padding:0 16px;line-height:1.5;color:#222}
            pre.code{background:#f6f8fa;border:1px solid #ddd;border-radius:6px;padding:8px 12px;overflow:auto;font-size:13px;margin:4px 0}
            .cell{margin:14px 0}.in{font:12px ui-monospace,monospace;color:#888}.out{margin:6px 0 6px 0;overflow-x:auto}
            .out pre{background:#fff;border-left:3px solid #ccc;padding:4px 10px;margin:2px 0;font-size:12px}
            .out pre.error{border-left-color:#c62828;color:#c62828}
            details{background:#f3f6fb;border-radius:6px;padding:6px 12px;margin:6px 0}summary{cursor:pointer;font-weight:600}
            nav{font-size:14px;margin-bottom:12px}
            </style>
            </head>
            <body>
            <nav><a href="{{index}}">All lessons</a></nav>
            {{body}}
            <nav><a href="{{index}}">All lessons</a></nav>
            </body>
            </html>

            """;
    }

    /// <summary>The list of lessons, linking each page, with how long each took to run.</summary>
    /// <param name="runs">The notebooks, in order.</param>
    public static string Index(IReadOnlyList<NotebooksRun> runs)
    {
        var rows = new StringBuilder();
        foreach (var run in runs)
        {
            string link = run.Page is null ? WebUtility.HtmlEncode(run.Name) : $"<a href=\"{WebUtility.HtmlEncode(Path.GetFileName(run.Page))}\">{WebUtility.HtmlEncode(run.Name)}</a>";
            string status = run.Succeeded ? "ran cleanly" : $"{run.Errors.Count} error(s)";
            rows.Append($"<li>{link}: {run.Cells} code cells, {run.Charts} charts, {status}</li>\n");
        }

        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Split brain and fencing: the lessons</title>
            <style>body{font-family:system-ui,sans-serif;max-width:800px;margin:32px auto;padding:0 16px;line-height:1.6}</style></head>
            <body>
            <h1>Split brain and fencing: the lessons</h1>
            <p>Each page is a lesson notebook, run top to bottom, with all its outputs. The charts work offline.</p>
            <ul>
            {{rows}}</ul>
            </body>
            </html>

            """;
    }

    private static string Output(System.Text.Json.Nodes.JsonObject output)
    {
        switch ((string?)output["output_type"])
        {
            case "stream":
                return $"<pre>{WebUtility.HtmlEncode(NotebooksCells.Text(output["text"]))}</pre>";
            case "error":
                return $"<pre class=\"error\">{WebUtility.HtmlEncode($"{(string?)output["ename"]}: {(string?)output["evalue"]}")}</pre>";
            default:
                if (NotebooksCells.Data(output, "text/html") is { } html)
                {
                    return html;
                }

                if (NotebooksCells.Data(output, "text/markdown") is { } markdown)
                {
                    return Markdig.Markdown.ToHtml(markdown, Markdown);
                }

                return $"<pre>{WebUtility.HtmlEncode(NotebooksCells.Data(output, "text/plain") ?? "")}</pre>";
        }
    }
}
