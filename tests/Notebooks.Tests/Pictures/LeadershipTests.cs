using Notebooks.Tests.Support;
using SplitBrain;
using SplitBrain.Visuals;

namespace Notebooks.Tests.Pictures;

public sealed class LeadershipTests
{
    /// <summary>A leads term 1 from 1 s; C is elected for term 2 at 3 s; A steps down at 9 s; the run ends at 12 s.</summary>
    private static Simulation TwoLeaders()
    {
        var sim = new Simulation(seed: 1);
        foreach (var name in new[] { "A", "B", "C" })
        {
            sim.AddNode(name, () => new Runs.Idle());
        }

        sim.RecordAt(1, TraceKind.Elected, "A", null, new Term(1));
        sim.RecordAt(3, TraceKind.Elected, "C", null, new Term(2));
        sim.RecordAt(9, TraceKind.SteppedDown, "A", null, new Term(2));
        sim.RecordAt(12, TraceKind.Note, "B", null, "end");
        sim.Run(Runs.S(12));
        return sim;
    }

    [Fact]
    public void Intervals_run_from_election_to_stepping_down_or_the_end_of_the_run()
    {
        var intervals = LeadershipHistory.Intervals(TwoLeaders().Trace);

        Assert.Equal(2, intervals.Count);
        Assert.Equal(("A", 1L, 1.0, 9.0, "stepped down"), (intervals[0].Node.Name, intervals[0].Term.Value, intervals[0].From.TotalSeconds, intervals[0].Until.TotalSeconds, intervals[0].Ended));
        Assert.Equal(("C", 2L, 3.0, 12.0, "run ended"), (intervals[1].Node.Name, intervals[1].Term.Value, intervals[1].From.TotalSeconds, intervals[1].Until.TotalSeconds, intervals[1].Ended));
    }

    [Fact]
    public void The_split_brain_window_is_where_two_leaders_overlap()
    {
        var window = Assert.Single(LeadershipHistory.SplitBrainWindows(TwoLeaders().Trace));

        Assert.Equal((3.0, 9.0), (window.From.TotalSeconds, window.Until.TotalSeconds));
        Assert.Equal("2 leaders from 3.000 s to 9.000 s: A (term 1), C (term 2)", window.ToString());
    }

    [Fact]
    public void The_timeline_shades_the_window_red_and_colours_bars_by_term()
    {
        var figure = LeadershipTimeline.Draw(TwoLeaders().Trace);

        var shade = Assert.Single(figure.Layout.Shapes!);
        Assert.Equal((3.0, 9.0, Palette.SplitBrain), (shade.X0, shade.X1, shade.FillColor));
        Assert.Equal("split brain: 2 leaders for 6 s", Assert.Single(figure.Layout.Annotations!).Text);
        Assert.Equal(["term 1", "term 2"], figure.Data.Select(t => t.Name));
        Assert.Equal([8.0], figure.Data[0].X!.Cast<double>()); // A's bar is 8 s long
        Assert.Equal([1.0], figure.Data[0].Base!.Cast<double>());
        Assert.Contains("two leaders at once for 6 s", figure.Layout.Title!.Text);
    }

    [Fact]
    public void One_leader_at_a_time_draws_no_window()
    {
        var sim = new Simulation(seed: 1);
        sim.AddNode("A", () => new Runs.Idle());
        sim.AddNode("B", () => new Runs.Idle());
        sim.RecordAt(1, TraceKind.Elected, "A", null, new Term(1));
        sim.RecordAt(2, TraceKind.Crash, "A", null, null);
        sim.RecordAt(3, TraceKind.Elected, "B", null, new Term(2));
        sim.Run(Runs.S(4));

        var figure = LeadershipTimeline.Draw(sim.Trace);
        Assert.Empty(figure.Layout.Shapes!);
        Assert.Equal("crashed", LeadershipHistory.Intervals(sim.Trace)[0].Ended);
        Assert.Equal("Leadership: never more than one leader at a time", figure.Layout.Title!.Text);
    }
}
