using Notebooks.Tests.Support;
using SplitBrain;
using SplitBrain.Visuals;

namespace Notebooks.Tests.Pictures;

public sealed class TablesTests
{
    [Fact]
    public void A_trace_table_shows_at_most_the_row_limit_and_says_how_many_were_left_out()
    {
        var trace = Runs.Pings().Trace;
        string html = TraceTable.Of(trace, maxRows: 10).Html;

        Assert.Equal(10, CountOf(html, "<tr class="));
        Assert.Contains($"showing the first 10 of {trace.Count} lines", html);
    }

    [Fact]
    public void Drops_are_red_rows_and_text_is_escaped()
    {
        var sim = new Simulation(seed: 1);
        sim.AddNode("A", () => new Runs.Idle());
        sim.RecordAt(1, TraceKind.Note, "A", null, "<script>alert(1)</script>");
        sim.Run(Runs.S(2));

        string html = TraceTable.Of(sim.Trace).Html;
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("class=\"sb-bad\"><td>3.000 s</td><td>Drop", TraceTable.Of(Runs.Pings().Trace, 1000).Html);
    }

    [Fact]
    public void The_writes_table_lists_each_write_with_its_token_and_verdict()
    {
        var sim = new Simulation(seed: 1);
        sim.AddNode("A", () => new Runs.Idle());
        sim.AddNode("S", () => new Runs.Idle());
        sim.RecordAt(1, TraceKind.WriteAccepted, "S", "A", new WriteDecision("withdraw 60", new FencingToken(34), "highest token so far"));
        sim.RecordAt(2, TraceKind.WriteRejected, "S", "A", new WriteDecision("withdraw 60", new FencingToken(33), "token 33 is below 34"));
        sim.Run(Runs.S(3));

        string html = WritesTable.Of(sim.Trace).Html;
        Assert.Contains("<td>withdraw 60</td><td>34</td><td>accepted</td>", html);
        Assert.Contains("<tr class=\"sb-bad\"><td>2.000 s</td><td>S</td><td>A</td><td>withdraw 60</td><td>33</td><td>rejected</td><td>token 33 is below 34</td>", html);
        Assert.Contains("1 accepted, 1 rejected", html);
    }

    [Fact]
    public void A_chart_fragment_draws_with_the_pages_plotly_and_loads_none_of_its_own()
    {
        var chart = Plotly.NET.CSharp.Chart.Scatter<double, double, string>([1.0], [2.0], Plotly.NET.StyleParam.Mode.Markers, Name: "</script><b>x")
            .Around("t", ChartParts.Axis("x"), ChartParts.Axis("y"), height: 300);
        string html = ChartHtml.Fragment(chart, "sb-chart-7");

        Assert.StartsWith("<div class=\"splitbrain-plot\"><div id=\"sb-chart-7\" style=\"width:100%;height:300px\">", html);
        Assert.Contains("Plotly.newPlot('sb-chart-7'", html);
        Assert.Equal(1, CountOf(html, "<script"));                      // the drawing script, and no script that loads plotly.js
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("require", html, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(html, "</script>"));                    // a name with </script> in it cannot end the script early
        Assert.Contains("\"title\":{\"text\":\"t\"}", html);
    }

    [Fact]
    public void A_chart_fragment_is_the_same_text_for_the_same_chart()
    {
        string first = ChartHtml.Fragment(SpaceTimeDiagram.Draw(Runs.Pings(seed: 5).Trace));
        string again = ChartHtml.Fragment(SpaceTimeDiagram.Draw(Runs.Pings(seed: 5).Trace));

        Assert.Equal(first, again);
        Assert.NotEqual(first, ChartHtml.Fragment(SpaceTimeDiagram.Draw(Runs.Pings(seed: 6).Trace)));
    }

    [Fact]
    public void The_pages_plotly_js_is_the_one_shipped_beside_the_library_and_plotly_net_names_the_version_it_was_built_for()
    {
        string local = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Assets", "plotly.min.js"));

        Assert.Contains("plotly.js v4.1.2", local[..200], StringComparison.Ordinal);   // what the pages load
        Assert.Equal("2.28.0", Globals.PLOTLYJS_VERSION);                              // what Plotly.NET 6 was written against
    }

    [Fact]
    public void Any_rows_become_a_table_with_one_column_per_property()
    {
        string html = HtmlTable.Of(new[] { new { Nodes = 4, Majority = 3 }, new { Nodes = 5, Majority = 3 } }).Html;

        Assert.Contains("<th>Nodes</th><th>Majority</th>", html);
        Assert.Contains("<tr><td>5</td><td>3</td></tr>", html);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
