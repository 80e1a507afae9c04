using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Microsoft.DotNet.Interactive.Documents;
using SplitBrain.Visuals;

namespace Course.Notebooks;

/// <summary>
/// Turns an executed notebook into one static HTML page: the lesson's text, its code, and every output,
/// charts included. The page loads plotly.js from a file beside it, so it reads the same without a network
/// and without a notebook kernel.
/// </summary>
public static partial class LessonPage
{
    /// <summary>The file name of plotly.js beside the pages.</summary>
    public const string PlotlyFile = "plotly.min.js";

    /// <summary>The playground's page, relative to the lesson pages: <c>course notebooks</c> puts the playground in the site's <c>playground</c> folder.</summary>
    public const string Playground = "playground/index.html";

    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().Build();

    /// <summary>Renders the executed notebook <paramref name="notebook"/> as a page.</summary>
    /// <param name="notebook">The executed notebook.</param>
    /// <param name="fallbackTitle">The page title when the notebook has no heading.</param>
    /// <param name="index">The link back to the list of lessons.</param>
    public static string Render(InteractiveDocument notebook, string fallbackTitle, string index = "index.html")
    {
        string title = LessonFile.Title(notebook) ?? fallbackTitle;
        var body = new StringBuilder();
        int number = 0;
        foreach (var cell in notebook.Elements)
        {
            string source = cell.Contents;
            if (!LessonFile.IsCode(cell))
            {
                body.Append("<section class=\"md\">").Append(Markdig.Markdown.ToHtml(source, Markdown)).Append("</section>\n");
                continue;
            }

            number++;
            body.Append($"<section class=\"cell\"><div class=\"in\">[{number}]</div><pre class=\"code\"><code>{WebUtility.HtmlEncode(source)}</code></pre>\n");
            foreach (var output in cell.Outputs)
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
            <script>
            // Plotly.NET's charts load plotly.js through require.js: Offline() points them at the file above, and this
            // stand-in for require.js hands them the copy already loaded.
            window.requirejs = window.requirejs || (function () { function r(deps, ready) { ready(window.Plotly); } r.config = function () { return r; }; return r; })();
            </script>
            <style>
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1040px;margin:24px auto;padding:0 16px;line-height:1.5;color:#222}
            pre.code{background:#f6f8fa;border:1px solid #ddd;border-radius:6px;padding:8px 12px;overflow:auto;font-size:13px;margin:4px 0}
            .cell{margin:14px 0}.in{font:12px ui-monospace,monospace;color:#888}.out{margin:6px 0 6px 0;overflow-x:auto}
            .out pre{background:#fff;border-left:3px solid #ccc;padding:4px 10px;margin:2px 0;font-size:12px}
            .out pre.error{border-left-color:#c62828;color:#c62828}
            details{background:#f3f6fb;border-radius:6px;padding:6px 12px;margin:6px 0}summary{cursor:pointer;font-weight:600}
            nav{font-size:14px;margin-bottom:12px}
            .playground{font-size:14px;margin:2px 0 8px 0}
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
    public static string Index(IReadOnlyList<LessonRun> runs)
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
            <p>Step through any run yourself in <a href="{{Playground}}">the playground</a>: the same simulator, in your browser.</p>
            <ul>
            {{rows}}</ul>
            </body>
            </html>

            """;
    }

    /// <summary>
    /// An output's HTML with every plotly.js it loads from a CDN pointed at the local <see cref="PlotlyFile"/> instead:
    /// Plotly.NET's charts ask require.js for <c>https://cdn.plot.ly/plotly-….min</c>, which a page read offline cannot reach.
    /// </summary>
    /// <param name="html">A chart's HTML as the kernel produced it.</param>
    public static string Offline(string html) =>
        PlotlyOnCdn().Replace(html, Path.GetFileNameWithoutExtension(PlotlyFile));

    private static string Output(InteractiveDocumentOutputElement output)
    {
        switch (output)
        {
            case TextElement text:
                return $"<pre>{WebUtility.HtmlEncode(text.Text)}</pre>";
            case ErrorElement error:
                return $"<pre class=\"error\">{WebUtility.HtmlEncode($"{error.ErrorName}: {error.ErrorValue}")}</pre>";
            default:
                if (LessonFile.Data(output, "text/html") is { } html)
                {
                    return Offline(html) + PlaygroundLinks(html);
                }

                if (LessonFile.Data(output, "text/markdown") is { } markdown)
                {
                    return Markdig.Markdown.ToHtml(markdown, Markdown);
                }

                return $"<pre>{WebUtility.HtmlEncode(LessonFile.Data(output, "text/plain") ?? "")}</pre>";
        }
    }

    /// <summary>
    /// A link to the playground for every scenario run an output shows as a summary card (<see cref="ResultCard"/>,
    /// whose <see cref="ResultCard.RunAttribute"/> holds the run's link query) or as a picture of the whole run (whose
    /// layout's meta holds it under <see cref="ResultCard.RunMetaKey"/>); empty when it shows none. A run of a scenario
    /// built with other code carries no query, so it gets no link.
    /// </summary>
    /// <param name="html">An output's HTML.</param>
    public static string PlaygroundLinks(string html)
    {
        var links = new StringBuilder();
        // A card's query is still HTML-encoded from its attribute, as an href wants it; a chart's is plain JSON text.
        var queries = RunQuery().Matches(html).Select(m => m.Groups[1].Value)
            .Concat(ChartRunQuery().Matches(html).Select(m => WebUtility.HtmlEncode(m.Groups[1].Value)));
        foreach (string query in queries)
        {
            links.Append($"<p class=\"playground\"><a href=\"{Playground}?{query}\">Open this run in the playground</a>: scrub through it, move its faults.</p>");
        }

        return links.ToString();
    }

    [GeneratedRegex(ResultCard.RunAttribute + "=\"([^\"]*)\"")]
    private static partial Regex RunQuery();

    [GeneratedRegex("\"meta\":\\{\"" + ResultCard.RunMetaKey + "\":\"([^\"\\\\]*)\"")]
    private static partial Regex ChartRunQuery();

    [GeneratedRegex(@"https://cdn\.plot\.ly/plotly-[0-9.]+\.min")]
    private static partial Regex PlotlyOnCdn();
}
