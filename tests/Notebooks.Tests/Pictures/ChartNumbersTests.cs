using Plotly.NET;
using SplitBrain;
using SplitBrain.Visuals;

namespace Notebooks.Tests.Pictures;

/// <summary>
/// The numbers a chart hands to plotly.js are the run's numbers: read back from the Plotly.NET figure's JSON and
/// compared with what the library computed from the same run, never with numbers typed into the test.
/// </summary>
public sealed class ChartNumbersTests
{
    public static TheoryData<string, int?> LeadershipRuns => new()
    {
        { "bank-ledger", null },
        { "two-two-partition", 2 },
        { "three-two-partition", null },
        { "gc-pause", null },
        { "clock-skew-lease", null },
    };

    [Theory]
    [MemberData(nameof(LeadershipRuns))]
    public void Every_leadership_bar_is_one_interval_of_the_checkers_reading_and_every_shaded_window_one_overlap(string scenario, int? quorum)
    {
        var run = Scenarios.Run(scenario, new ScenarioOptions { Seed = 1, Quorum = quorum });
        var intervals = Leadership.Intervals(run.Trace, run.Simulation.Now);
        var windows = Leadership.SplitBrainWindows(run.Trace, run.Simulation.Now);
        var chart = SplitBrain.Visuals.Pictures.Leadership(run);

        var drawn = chart.Data
            .SelectMany(t => t.Y!.Select((node, k) => (Node: (string)node!, From: Convert.ToDouble(t.Base![k]), Length: Convert.ToDouble(t.X![k]), Term: t.Name!)))
            .OrderBy(b => b.From).ThenBy(b => b.Node, StringComparer.Ordinal).ToArray();
        var expected = intervals
            .Select(i => (Node: i.Node.Name, From: i.From.TotalSeconds, Length: Math.Max(i.Length.TotalSeconds, 0.001), Term: i.Term.ToString()))
            .OrderBy(b => b.From).ThenBy(b => b.Node, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, drawn);
        Assert.Equal(windows.Select(w => (w.From.TotalSeconds, w.Until.TotalSeconds)), chart.Layout.Shapes.Select(s => (s.X0, s.X1)));

        // The picture and the checker read leadership the same way: a shaded window exactly when the checker finds two leaders.
        Assert.Equal(Leadership.FirstOverlap(run.Trace) is not null, windows.Count > 0);
        Assert.Equal(run.MaxLeadersAtOnce > 1, windows.Count > 0);
    }

    [Fact]
    public void The_balance_chart_draws_the_cash_the_run_paid_out_and_the_ledgers_last_balance()
    {
        var run = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 1, Fencing = false });
        var chart = SplitBrain.Visuals.Pictures.Balance(run);

        var cash = chart.Data.Single(t => t.Name == "cash paid out");
        Assert.Equal(run.Figures[RunFigure.PaidOut], Convert.ToInt64(cash.Y![^1]));
        Assert.Equal(run.Simulation.Now.TotalSeconds, Convert.ToDouble(cash.X![^1]));
        Assert.Equal("hv", cash.Line!.Shape);
        var ledger = chart.Data.Single(t => t.Name == "ledger (the store)");
        var stored = BankBalances.FromTrace(run.Trace).Where(p => p.Side == "ledger (the store)").Select(p => p.Balance).ToArray();
        Assert.Equal(stored, ledger.Y!.SkipLast(1).Select(Convert.ToInt64));
        Assert.All(ledger.HoverText!, text => Assert.StartsWith("ledger (the store): $", text));
    }

    [Fact]
    public void The_space_time_diagram_has_one_lane_per_node_and_a_mark_for_every_write_of_the_run()
    {
        var run = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 1, Fencing = true });
        var chart = SplitBrain.Visuals.Pictures.SpaceTime(run.Trace);

        Assert.Equal(run.AcceptedWrites, chart.Data.Single(t => t.Name == "write accepted").X!.Count);
        Assert.Equal(run.RejectedWrites, chart.Data.Single(t => t.Name == "write rejected").X!.Count);
        var nodes = run.Trace.SelectMany(e => new[] { e.Node, e.Peer }).OfType<NodeId>().Select(n => n.Name).Distinct().Count();
        Assert.Equal(nodes, chart.Layout.YAxis!.TickText!.Count);
        var arrows = chart.Data.Single(t => t.Name == "delivered message");
        Assert.Equal("previous", arrows.Marker!.AngleRef);   // each arrowhead turned along its message
        Assert.Equal("arrow", arrows.Marker.Symbol);
    }

    [Fact]
    public void The_skew_window_chart_draws_what_each_run_measured()
    {
        double[] skews = [0, 1, 2];
        double[] margins = [0, 4];
        var chart = SplitBrain.Visuals.Pictures.WindowBySkew(skews, margins, (skew, margin) => Math.Max(0, (2 * skew) - margin), ttlSeconds: 10);

        Assert.Equal(["safety margin 0 s", "safety margin 4 s"], chart.Data.Select(t => t.Name));
        Assert.Equal([0.0, 2.0, 4.0], chart.Data[0].Y!.Select(Convert.ToDouble));
        Assert.Equal([0.0, 0.0, 0.0], chart.Data[1].Y!.Select(Convert.ToDouble));
        Assert.Equal("Split-brain window, measured from runs (TTL 10 s)", chart.Layout.Title!.Text);
    }

    [Fact]
    public void The_progress_chart_drawn_again_after_each_report_shows_the_reports_so_far()
    {
        var reports = new List<ExploreProgress>();
        var drawn = new List<GenericChart>();
        foreach (var report in new[] { new ExploreProgress(500, 0, 1000), new ExploreProgress(1000, 2, 1100) })
        {
            reports.Add(report);
            drawn.Add(SplitBrain.Visuals.Pictures.Progress(reports)); // what a live cell passes to its display's Update
        }

        Assert.Equal([0L, 500L], drawn[0].Data[0].X!.Select(Convert.ToInt64));
        Assert.Equal([0L, 500L, 1000L], drawn[1].Data[0].X!.Select(Convert.ToInt64));
        Assert.Equal([0L, 0L, 2L], drawn[1].Data[0].Y!.Select(Convert.ToInt64));
    }

    [Fact]
    public void An_empty_run_draws_an_empty_chart_instead_of_failing()
    {
        var chart = SplitBrain.Visuals.Pictures.Leadership(Array.Empty<TraceEntry>());

        Assert.Equal("Leadership: never more than one leader at a time", chart.Layout.Title!.Text);
        Assert.Empty(chart.Layout.Shapes);
    }

    [Fact]
    public void A_chart_has_the_height_its_picture_asks_for_and_takes_the_width_it_is_given()
    {
        var run = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 1, Fencing = false });
        var chart = SplitBrain.Visuals.Pictures.Balance(run);

        Assert.Equal(360, chart.Layout.Height);
        using var json = System.Text.Json.JsonDocument.Parse(chart.ToJson());
        Assert.False(json.RootElement.GetProperty("layout").TryGetProperty("width", out _), "a fixed width would not fit a narrow notebook");
    }
}
