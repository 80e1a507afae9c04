using SplitBrain;
using SplitBrain.Visuals;
using Notebooks.Tests.Support;

namespace Notebooks.Tests.Pictures;

/// <summary>The history picture: bars per operation, the checker's order, the operation that cannot be placed in red.</summary>
public sealed class HistoryChartTests
{
    [Fact]
    public void The_double_withdrawal_draws_the_second_paid_withdrawal_in_red_over_the_split_brain_window()
    {
        var run = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 1, Fencing = false });

        var figure = SplitBrain.Visuals.Pictures.History(run);

        var red = Assert.Single(figure.Data, t => t.Name == "cannot be placed");
        Assert.Equal(Palette.SplitBrain, red.Marker!.Color);
        Assert.StartsWith("withdraw 60", Assert.Single(red.Text!)!);
        var order = Assert.Single(figure.Data, t => t.Name == "the longest order that works");
        Assert.Equal(2, order.X!.Count);
        Assert.NotEmpty(figure.Layout.Shapes!);
        Assert.Contains("NOT linearizable", figure.Layout.Title!.Text);
    }

    [Fact]
    public void A_linearizable_history_gets_one_diamond_per_operation_inside_its_bar()
    {
        var run = Scenarios.Run("replicated-register", new ScenarioOptions { Seed = 1, Fencing = true });
        var result = run.History!.Check();

        var figure = HistoryChart.Draw(run.History, result);

        Assert.DoesNotContain(figure.Data, t => t.Name == "cannot be placed");
        var order = Assert.Single(figure.Data, t => t.Name == "the order a single copy follows");
        Assert.Equal(result.Linearization.Count, order.X!.Count);
        for (int i = 0; i < result.Linearization.Count; i++)
        {
            var operation = result.Linearization[i];
            double at = (double)order.X[i]!;
            Assert.True(at >= operation.InvokedAt!.Value.TotalSeconds, $"{operation} placed at {at} before its invocation");
            if (operation.Outcome != OperationOutcome.Info)
            {
                Assert.True(at <= operation.CompletedAt!.Value.TotalSeconds, $"{operation} placed at {at} after its completion");
            }
        }
    }
}
