using Course.Notebooks;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SplitBrain;
using SplitBrain.Visuals;

namespace Notebooks.Tests.Pages;

public sealed class LessonPageTests
{
    private static string Notebook(params JsonObject[] cells) => new JsonObject
    {
        ["cells"] = new JsonArray(cells),
        ["metadata"] = new JsonObject(),
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    }.ToJsonString();

    private static JsonObject Markdown(string text) => new() { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = new JsonArray(text.Split('\n').Select(l => (JsonNode)JsonValue.Create(l + "\n")!).ToArray()) };

    private static JsonObject Code(string source, params JsonObject[] outputs) => new() { ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["source"] = source, ["outputs"] = new JsonArray(outputs) };

    private static JsonObject Html(string html) => new() { ["output_type"] = "display_data", ["data"] = new JsonObject { ["text/html"] = new JsonArray(JsonValue.Create(html)) } };

    [Fact]
    public void The_page_has_the_lessons_text_code_and_outputs_and_loads_plotly_from_beside_it()
    {
        string page = LessonPage.Render(
            LessonFile.Parse(Notebook(
                Markdown("# The double withdrawal\nTwo **leaders**.\n\n<details><summary>Answer</summary>$120</details>"),
                Code("var x = 1 < 2;", Html("<div class=\"splitbrain-plot\" id=\"sb-chart-1\"></div>")),
                Code("throw new Exception();", new JsonObject { ["output_type"] = "error", ["ename"] = "Error", ["evalue"] = "boom" }))),
            "fallback");

        Assert.Contains("<title>The double withdrawal</title>", page);
        Assert.Contains("<script src=\"plotly.min.js\"></script>", page);
        Assert.Contains("<strong>leaders</strong>", page);
        Assert.Contains("<details><summary>Answer</summary>$120</details>", page);
        Assert.Contains("var x = 1 &lt; 2;", page);
        Assert.Contains("<div class=\"splitbrain-plot\" id=\"sb-chart-1\"></div>", page);
        Assert.Contains("<pre class=\"error\">Error: boom</pre>", page);
    }

    [Fact]
    public void A_scenario_run_on_a_lesson_page_links_to_the_same_run_in_the_playground()
    {
        var script = Scenarios.Get("bank-ledger").Script(new ScenarioOptions { Seed = 7, Fencing = true });
        var moved = script.Select((f, k) => k == 0 ? f with { At = f.At + TimeSpan.FromMilliseconds(200) } : f).ToList();
        var run = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 7, Fencing = true, Faults = moved });
        string page = LessonPage.Render(LessonFile.Parse(Notebook(Code("run", Html(ResultCard.Of(run).Html)))), "runs");

        var links = Regex.Matches(page, "<a href=\"(playground/index\\.html\\?[^\"]*)\">Open this run in the playground</a>");
        var link = Assert.Single(links).Groups[1].Value;
        var (scenario, options) = RunLink.Parse(new Uri(new Uri("http://site/lesson.html"), WebUtility.HtmlDecode(link)).Query);
        Assert.Equal("bank-ledger", scenario);
        Assert.Equal(7, options.Seed);
        Assert.True(options.Fencing);
        Assert.Equal(run.TraceHash, Scenarios.Run(scenario, options).TraceHash);
    }

    [Fact]
    public void A_run_with_the_learners_code_swapped_in_gets_no_playground_link()
    {
        var yours = new BankLedgerScenario().Run(new ScenarioOptions { Seed = 1 });
        string page = LessonPage.Render(LessonFile.Parse(Notebook(Code("run", Html(ResultCard.Of(yours).Html)))), "yours");

        Assert.DoesNotContain("Open this run in the playground", page);
    }

    [Fact]
    public void A_picture_of_a_whole_course_scenario_run_links_to_the_same_run_in_the_playground_and_one_of_the_learners_code_does_not()
    {
        var run = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 3, Fencing = false });
        var yours = new BankLedgerScenario().Run(new ScenarioOptions { Seed = 3 });
        foreach (var chart in new[] { SplitBrain.Visuals.Pictures.Leadership(run), SplitBrain.Visuals.Pictures.Balance(run), SplitBrain.Visuals.Pictures.History(run), SplitBrain.Visuals.Pictures.Terms(run) })
        {
            // The HTML a notebook's Plotly.NET formatter writes for the chart.
            string page = LessonPage.Render(LessonFile.Parse(Notebook(Code("picture", Html(Plotly.NET.GenericChart.toChartHTML(chart))))), "picture");
            var link = Assert.Single(Regex.Matches(page, "<a href=\"(playground/index\\.html\\?[^\"]*)\">Open this run in the playground</a>")).Groups[1].Value;
            var (scenario, options) = RunLink.Parse(new Uri(new Uri("http://site/lesson.html"), WebUtility.HtmlDecode(link)).Query);
            Assert.Equal(run.TraceHash, Scenarios.Run(scenario, options).TraceHash);
        }

        foreach (var chart in new[] { SplitBrain.Visuals.Pictures.Leadership(yours), SplitBrain.Visuals.Pictures.Balance(yours), SplitBrain.Visuals.Pictures.SpaceTime(run.Trace) })
        {
            string page = LessonPage.Render(LessonFile.Parse(Notebook(Code("picture", Html(Plotly.NET.GenericChart.toChartHTML(chart))))), "picture");
            Assert.DoesNotContain("Open this run in the playground", page);
        }
    }

    [Fact]
    public void Errors_in_an_executed_notebook_name_the_cell()
    {
        var cells = LessonFile.Parse(Notebook(Markdown("# x"), Code("Oops();\nmore", new JsonObject { ["output_type"] = "error", ["ename"] = "Error", ["evalue"] = "CS0103" }))).Elements;

        Assert.Equal(["Error: CS0103"], LessonFile.Errors(cells[1]));
        Assert.Equal("Oops();\nmore", cells[1].Contents);
        Assert.Empty(LessonFile.Errors(cells[0]));
    }

    [Fact]
    public void A_Plotly_NET_chart_loads_plotly_js_from_beside_the_page_not_from_a_CDN()
    {
        const string chart = "<div id=\"c1\"></div><script>var fsharpPlotlyRequire = requirejs.config({context:'fsharp-plotly',paths:{plotly:'https://cdn.plot.ly/plotly-2.28.0.min'}}) || require;"
            + " fsharpPlotlyRequire(['plotly'], function(Plotly) { Plotly.newPlot('c1', [], {}, {}); });</script>";
        string page = LessonPage.Render(LessonFile.Parse(Notebook(Code("chart", Html(chart)))), "chart");

        Assert.DoesNotContain("cdn.plot.ly", page);
        Assert.Contains("paths:{plotly:'plotly.min'}", page);
        Assert.Contains("window.requirejs = window.requirejs ||", page); // the stand-in that hands over the local copy
        Assert.True(LessonFile.IsChart(chart));
    }
}
