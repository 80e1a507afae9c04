using SplitBrain.Coyote;

namespace SplitBrain.Tests.Explorer;

/// <summary>
/// The Coyote model of bank-ledger must tell the same story as the library's scenarios, or the side-by-side
/// figures compare two different things: both overdraw without a token check and with a token check on a
/// blind write; neither overdraws with a fenced takeover or a conditional write.
/// </summary>
public sealed class CoyoteModelTests
{
    [Theory]
    [InlineData(LedgerWriteMode.BlindUnfenced, "bank-ledger")]
    [InlineData(LedgerWriteMode.BlindFenced, "fenced-blind-write")]
    public void Coyote_and_the_explorer_both_find_the_overdraft(LedgerWriteMode mode, string scenario)
    {
        var coyote = CoyoteBank.Test(mode, 200, 1);
        Assert.Equal(1, coyote.Bugs);
        Assert.Contains("no-overdraft: $120 paid out of a $100 account", coyote.Bug, StringComparison.Ordinal);

        var ours = SplitBrain.Explorer.Run(SplitBrain.Scenarios.Get(scenario), new ExploreOptions { Schedules = 200, Fencing = false });
        Assert.Equal(Checkers.NoOverdraft.Id, ours.FirstViolation?.Invariant);
    }

    [Theory]
    [InlineData(LedgerWriteMode.FencedTakeover, "bank-ledger")]
    [InlineData(LedgerWriteMode.ConditionalFenced, "fenced-blind-write")]
    public void Neither_finds_an_overdraft_with_the_fix(LedgerWriteMode mode, string scenario)
    {
        var coyote = CoyoteBank.Test(mode, 100, 1);
        Assert.Equal(0, coyote.Bugs);
        Assert.Equal(100, coyote.Iterations);

        var ours = SplitBrain.Explorer.Run(SplitBrain.Scenarios.Get(scenario), new ExploreOptions { Schedules = 300, Fencing = true });
        Assert.Equal(0, ours.Violations);
    }

    [Fact]
    public void A_mode_the_model_does_not_have_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CoyoteBank.Test(LedgerWriteMode.ReadOnElectionUnfenced, 10, 1));
        Assert.Equal("mode", error.ParamName);
    }
}
