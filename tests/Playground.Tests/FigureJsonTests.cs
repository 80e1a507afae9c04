using System.Text.Json.Nodes;
using Plotly.NET;
using SplitBrain;
using SplitBrain.Visuals;

namespace Playground.Tests;

/// <summary>
/// The playground draws the lessons' charts from <see cref="FigureJson"/>, not from Plotly.NET's own
/// <c>GenericChart.toJson</c> (far too slow in WebAssembly): both must give the same figure, chart for chart.
/// </summary>
public sealed class FigureJsonTests
{
    public static TheoryData<string, bool> Runs => new()
    {
        { "bank-ledger", false }, { "bank-ledger", true }, { "two-two-partition", false }, { "gc-pause", false },
        { "clock-skew-lease", true }, { "stonith", false }, { "forgetful-storage", false }, { "replicated-register", false },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void The_lessons_charts_of_a_run_cut_anywhere_are_the_same_figure_as_toJson_gives(string scenario, bool fencing)
    {
        var result = Scenarios.Run(scenario, new ScenarioOptions { Seed = 1, Fencing = fencing });
        var lines = result.Trace.Entries.ToArray();
        int compared = 0;
        foreach (int cut in new[] { 0, lines.Length / 3, lines.Length - 1 })
        {
            var upTo = new ArraySegment<TraceEntry>(lines, 0, cut + 1);
            var now = upTo[^1].Time;
            foreach (var chart in new[]
            {
                Pictures.SpaceTime(upTo), LeadershipTimeline.Draw(upTo, null, now),
                BalanceChart.Draw(BankBalances.FromTrace(upTo), now), Pictures.Leadership(result), Pictures.Terms(result),
            })
            {
                var expected = JsonNode.Parse(GenericChart.toJson(chart));
                var actual = JsonNode.Parse(FigureJson.Of(chart));
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{scenario} cut at line {cut}: {FirstDifference(expected, actual, "$")}");
                compared++;
            }
        }

        if (result.History is not null)
        {
            var history = Pictures.History(result);
            var expected = JsonNode.Parse(GenericChart.toJson(history));
            var actual = JsonNode.Parse(FigureJson.Of(history));
            Assert.True(JsonNode.DeepEquals(expected, actual), $"{scenario} history: {FirstDifference(expected, actual, "$")}");
            compared++;
        }

        Assert.Equal(result.History is null ? 15 : 16, compared);
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void A_figure_without_its_template_with_the_template_put_back_is_the_whole_figure(string scenario, bool fencing)
    {
        var result = Scenarios.Run(scenario, new ScenarioOptions { Seed = 1, Fencing = fencing });
        var lines = result.Trace.Entries.ToArray();
        var charts = new List<GenericChart>();
        foreach (int cut in new[] { 0, lines.Length / 3, lines.Length - 1 })
        {
            var upTo = new ArraySegment<TraceEntry>(lines, 0, cut + 1);
            var now = upTo[^1].Time;
            charts.AddRange([Pictures.SpaceTime(upTo), LeadershipTimeline.Draw(upTo, null, now), BalanceChart.Draw(BankBalances.FromTrace(upTo), now)]);
        }

        charts.AddRange([Pictures.Leadership(result), Pictures.Terms(result), LeadershipTimeline.Draw([], null, TimeSpan.Zero)]);
        if (result.History is not null)
        {
            charts.Add(Pictures.History(result));
        }

        foreach (var chart in charts)
        {
            var whole = JsonNode.Parse(FigureJson.Of(chart))!;
            var without = JsonNode.Parse(FigureJson.WithoutTemplate(chart))!;
            string? template = FigureJson.TemplateOf(chart);
            Assert.False(without["layout"]!.AsObject().ContainsKey("template"));
            Assert.Equal(whole["layout"]!.AsObject().ContainsKey("template"), template is not null);
            if (template is not null)
            {
                without["layout"]!["template"] = JsonNode.Parse(template);
            }

            Assert.True(JsonNode.DeepEquals(whole, without), $"{scenario}: {FirstDifference(whole, without, "$")}");
        }
    }

    [Fact]
    public void The_lessons_charts_share_one_template_and_SameTemplate_finds_it_without_writing_it()
    {
        var result = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 1, Fencing = false });
        var lines = result.Trace.Entries.ToArray();
        var upTo = new ArraySegment<TraceEntry>(lines, 0, lines.Length / 2);
        var now = upTo[^1].Time;
        var first = Pictures.SpaceTime(upTo);
        foreach (var chart in new[] { Pictures.SpaceTime(result.Trace), LeadershipTimeline.Draw(upTo, null, now), BalanceChart.Draw(BankBalances.FromTrace(upTo), now), Pictures.History(result), Pictures.Terms(result) })
        {
            Assert.True(FigureJson.SameTemplate(first, chart));
            Assert.Equal(FigureJson.TemplateOf(first), FigureJson.TemplateOf(chart));
        }

        // Another template, one leaf of the template changed, and no template at all are not the same.
        var dark = Plotly.NET.Chart.withTemplate(ChartTemplates.dark).Invoke(Pictures.SpaceTime(upTo));
        Assert.False(FigureJson.SameTemplate(first, dark));
        Assert.NotEqual(FigureJson.TemplateOf(first), FigureJson.TemplateOf(dark));
        var changed = Pictures.SpaceTime(upTo);
        var template = (DynamicObj.DynamicObj)GenericChart.getLayout(changed).TryGetPropertyValue("template").Value;
        var layout = (DynamicObj.DynamicObj)template.TryGetPropertyValue("layout").Value;
        layout.SetProperty("hovermode", "x");
        Assert.False(FigureJson.SameTemplate(first, changed));
        Assert.NotEqual(FigureJson.TemplateOf(first), FigureJson.TemplateOf(changed));
        var bare = Plotly.NET.CSharp.Chart.Invisible();
        Assert.Null(FigureJson.TemplateOf(bare));
        Assert.False(FigureJson.SameTemplate(first, bare));
        Assert.False(FigureJson.SameTemplate(bare, bare));
    }

    // Where two figures first differ, as a JSON path and the two values.
    private static string FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var (key, value) in e)
                {
                    if (!a.ContainsKey(key))
                    {
                        return $"{path}.{key} is missing from FigureJson's figure";
                    }

                    if (!JsonNode.DeepEquals(value, a[key]))
                    {
                        return FirstDifference(value, a[key], $"{path}.{key}");
                    }
                }

                return $"{path} has keys toJson does not write: {string.Join(", ", a.Select(p => p.Key).Except(e.Select(p => p.Key)))}";
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (int k = 0; k < e.Count; k++)
                {
                    if (!JsonNode.DeepEquals(e[k], a[k]))
                    {
                        return FirstDifference(e[k], a[k], $"{path}[{k}]");
                    }
                }

                return path;
            default:
                return $"{path}: toJson wrote {expected?.ToJsonString() ?? "null"}, FigureJson wrote {actual?.ToJsonString() ?? "null"}";
        }
    }
}
