using SplitBrain;
using SplitBrain.Visuals;

namespace Notebooks.Tests.Pictures;

/// <summary>The pictures of lesson 01, drawn from the real bank-ledger scenario.</summary>
public sealed class ScenarioPicturesTests
{
    private static readonly ScenarioResult Unfenced = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 1, Fencing = false });
    private static readonly ScenarioResult Fenced = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 1, Fencing = true });

    [Fact]
    public void Without_fencing_the_cash_paid_out_ends_at_120_and_the_store_at_40()
    {
        var points = BankBalances.FromTrace(Unfenced.Trace);

        Assert.Equal(120, points.Last(p => p.Side == "cash paid out").Balance);
        Assert.Equal(40, points.Last(p => p.Side == "ledger (the store)").Balance);
        var believers = points.Where(p => p.Side.EndsWith(" believes", StringComparison.Ordinal)).GroupBy(p => p.Side).ToArray();
        Assert.True(believers.Length >= 2, "both leaders should show what they believe");
        Assert.All(believers, b => Assert.Equal((100L, 40L), (b.First().Balance, b.Last().Balance)));
    }

    [Fact]
    public void With_fencing_only_60_is_paid_out()
    {
        Assert.Equal(60, BankBalances.FromTrace(Fenced.Trace).Last(p => p.Side == "cash paid out").Balance);
    }

    [Fact]
    public void The_leadership_timeline_of_the_unfenced_run_shows_a_split_brain_window()
    {
        var window = Assert.Single(LeadershipHistory.SplitBrainWindows(Unfenced.Trace, Unfenced.Simulation.Now));
        Assert.True(window.From > TimeSpan.FromSeconds(1) && window.From < TimeSpan.FromSeconds(2), $"the second leader appears after the 1 s partition: {window}");
        Assert.Single(LeadershipTimeline.Draw(Unfenced.Trace, null, Unfenced.Simulation.Now).Layout.Shapes!);
    }

    [Fact]
    public void The_timeline_has_one_row_per_server_even_one_that_never_led()
    {
        var five = Scenarios.Run("three-two-partition", new ScenarioOptions { Seed = 1 });
        var rows = LeadershipTimeline.Draw(five.Trace, null, five.Simulation.Now).Layout.YAxis!.CategoryArray!;

        Assert.Equal(["A", "B", "C", "D", "E"], rows);
    }

    [Fact]
    public void The_result_card_states_the_verdict_and_the_replay_command()
    {
        string bad = ResultCard.Of(Unfenced).Html;
        string good = ResultCard.Of(Fenced).Html;

        Assert.Contains("invariants broken", bad);
        Assert.Contains("no-overdraft", bad);
        Assert.Contains("course run bank-ledger --seed 1 --fencing off", bad);
        Assert.Contains("✔ no invariant broken", good);
    }

    [Fact]
    public void Side_by_side_puts_each_write_on_the_writers_side()
    {
        string html = SideBySide.Of(Fenced.Trace, "A,client-1 | B,C,client-2").Html;

        var rejected = html.Split("<tr").Single(r => r.Contains("REJECTS", StringComparison.Ordinal));
        Assert.Matches("<td>[0-9.]+ s</td><td>store ledger REJECTS from A: .*</td><td></td></tr>", rejected);
        var accepted = html.Split("<tr").Single(r => r.Contains("ACCEPTS", StringComparison.Ordinal));
        Assert.Matches("<td>[0-9.]+ s</td><td></td><td>store ledger ACCEPTS from [BC]: ", accepted);
    }

    [Fact]
    public void The_fenced_space_time_diagram_marks_the_refused_write_on_the_ledger_lane()
    {
        var figure = SpaceTimeDiagram.Draw(Fenced.Trace);
        var rejected = figure.Data.Single(t => t.Name == "write rejected");

        Assert.Equal([0], rejected.Y!.Select(Convert.ToInt32)); // the ledger is added first: the top lane
        Assert.Contains("token 1", rejected.HoverText![0]);
    }
}
