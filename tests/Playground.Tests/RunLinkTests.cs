using SplitBrain;

namespace Playground.Tests;

/// <summary>A run as a link's query: what the playground's URL holds and what <c>course run</c> prints.</summary>
public sealed class RunLinkTests
{
    [Fact]
    public void A_query_reads_back_to_the_same_run()
    {
        var options = new ScenarioOptions { Seed = 7, Fencing = true, Quorum = 2, Faults = FaultSchedule.Parse("t=0.523s partition {A,client-1} | {B,C,client-2}; t=3s pause A for 1.5s") };
        string query = RunLink.Query("two-two-partition", options);

        var (scenario, back) = RunLink.Parse("?" + query + "&step=12");

        Assert.Equal("two-two-partition", scenario);
        Assert.Equal((7L, true, 2), (back.Seed, back.Fencing, back.Quorum));
        Assert.Equal(FaultSchedule.Format(options.Faults), FaultSchedule.Format(back.Faults!));
        Assert.Equal("12", RunLink.Values(query + "&step=12")["step"]);
    }

    [Fact]
    public void The_simplest_link_is_the_one_the_issue_names()
    {
        Assert.Equal("scenario=bank-ledger&seed=1&fencing=off", RunLink.Query("bank-ledger", new ScenarioOptions()));
    }

    [Theory]
    [InlineData("seed=x", "seed must be a whole number")]
    [InlineData("fencing=maybe", "fencing must be on or off")]
    [InlineData("faults=t%3D1s%20explode", "is not a fault")]
    public void A_bad_value_says_what_is_allowed(string query, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => RunLink.Parse(query));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
