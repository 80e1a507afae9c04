using System.Text.Json;
using Notebooks.Tests.Support;
using SplitBrain;
using SplitBrain.Visuals;

namespace Notebooks.Tests.Pictures;

public sealed class SpaceTimeDiagramTests
{
    [Fact]
    public void Every_delivered_message_is_one_arrow_from_its_send_to_its_delivery()
    {
        var sim = Runs.Pings();
        var figure = SpaceTimeDiagram.Draw(sim.Trace);

        var arrows = TraceNamed(figure, "delivered message");
        int delivered = sim.Trace.OfKind(TraceKind.Deliver).Count();
        Assert.True(delivered > 10, $"the run should deliver messages; it delivered {delivered}");
        Assert.Equal(3 * delivered, arrows.X!.Count); // start, end, gap
        var firstDelivery = sim.Trace.OfKind(TraceKind.Deliver).First();
        Assert.Equal(1.0, (double)arrows.X[0]!); // every ping leaves at a whole second
        Assert.Equal(firstDelivery.Time.TotalSeconds, (double)arrows.X[1]!, 9);
    }

    [Fact]
    public void Lost_messages_are_dotted_red_stubs_with_hover_text_saying_lost()
    {
        var sim = Runs.Pings();
        var drops = TraceNamed(SpaceTimeDiagram.Draw(sim.Trace), "lost message");

        int dropped = sim.Trace.OfKind(TraceKind.Drop).Count();
        Assert.True(dropped > 0, "the partition at 2.5 s should drop messages");
        Assert.Equal(3 * dropped, drops.X!.Count);
        Assert.Equal(Palette.Dropped, drops.Line!.Color);
        Assert.Equal("dot", drops.Line.Dash);
        Assert.StartsWith("LOST Ping", drops.HoverText![0]);
    }

    [Fact]
    public void A_rejected_write_is_a_red_cross_on_the_store_lane_with_its_token_in_the_hover_text()
    {
        var sim = new Simulation(seed: 3);
        foreach (var name in new[] { "A", "B", "S" })
        {
            sim.AddNode(name, () => new Runs.Idle());
        }

        sim.RecordAt(1, TraceKind.WriteAccepted, "S", "A", new WriteDecision("withdraw 60", new FencingToken(34), "token 34 is the highest seen"));
        sim.RecordAt(2, TraceKind.WriteRejected, "S", "B", new WriteDecision("withdraw 60", new FencingToken(33), "token 33 < 34"));
        sim.Run(Runs.S(3));

        var figure = SpaceTimeDiagram.Draw(sim.Trace);
        var rejected = TraceNamed(figure, "write rejected");
        Assert.Equal([2.0], rejected.X!.Cast<double>());
        Assert.Equal([2], rejected.Y!.Select(Convert.ToInt32)); // S is the third lane
        Assert.Equal(Palette.Rejected, rejected.Marker!.Color);
        Assert.Equal("x", rejected.Marker.Symbol);
        Assert.Contains("token 33", rejected.HoverText![0]);
        Assert.Contains("REJECTED by S from B", rejected.HoverText[0]);
        Assert.Single(TraceNamed(figure, "write accepted").X!);
    }

    [Fact]
    public void Network_changes_and_pauses_are_drawn_where_they_happened()
    {
        var figure = SpaceTimeDiagram.Draw(Runs.Pings().Trace);

        var partition = Assert.Single(figure.Layout.Annotations!, a => a.Text.StartsWith("{A} | {B,C}", StringComparison.Ordinal));
        Assert.Equal(2.5, partition.X);
        var pause = Assert.Single(figure.Layout.Shapes!, s => s.YRef == "y");
        Assert.Equal((3.0, 4.0, 2.0), (pause.X0, pause.X1, (pause.Y0 + pause.Y1) / 2)); // C's lane, 3 s to 4 s
    }

    [Fact]
    public void The_window_and_the_message_limit_leave_out_what_they_should_and_say_so()
    {
        var sim = Runs.Pings();
        var all = SpaceTimeDiagram.Draw(sim.Trace);
        var early = SpaceTimeDiagram.Draw(sim.Trace, new SpaceTimeOptions { Until = Runs.S(1.5) });
        var capped = SpaceTimeDiagram.Draw(sim.Trace, new SpaceTimeOptions { MaxMessages = 4 });

        Assert.Equal(6 * 3, TraceNamed(early, "delivered message").X!.Count); // round 1: 6 messages, all delivered
        Assert.True(TraceNamed(all, "delivered message").X!.Count > TraceNamed(early, "delivered message").X!.Count);
        Assert.Contains(capped.Layout.Annotations!, a => a.Text.StartsWith("4 of ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_json_is_plotly_3_shaped_and_the_same_for_the_same_seed()
    {
        string json = SpaceTimeDiagram.Draw(Runs.Pings(seed: 5).Trace).ToJson();

        Assert.Equal(json, SpaceTimeDiagram.Draw(Runs.Pings(seed: 5).Trace).ToJson());
        using var doc = JsonDocument.Parse(json);
        var layout = doc.RootElement.GetProperty("layout");
        Assert.StartsWith("Space-time diagram: 3 nodes", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("reversed", layout.GetProperty("yaxis").GetProperty("autorange").GetString());
        Assert.Equal(["A", "B", "C"], layout.GetProperty("yaxis").GetProperty("ticktext").EnumerateArray().Select(e => e.GetString()));
        Assert.True(doc.RootElement.GetProperty("data").GetArrayLength() >= 3);
    }

    private static FigureTrace TraceNamed(Plotly.NET.GenericChart figure, string name) =>
        figure.Data.SingleOrDefault(t => t.Name == name) ?? throw new Xunit.Sdk.XunitException($"no trace named '{name}'; traces: {string.Join(", ", figure.Data.Select(t => t.Name))}");
}
