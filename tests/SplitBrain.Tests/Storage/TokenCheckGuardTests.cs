namespace SplitBrain.Tests.Storage;

/// <summary>The adapter that puts a learner's token check in front of a store: what it asks, what it keeps, what it forgets.</summary>
public class TokenCheckGuardTests
{
    /// <summary>A correct check, as exercise 2 asks: refuse lower, accept equal and higher, remember the highest.</summary>
    private sealed class HighestCheck
    {
        public List<long> Asked { get; } = [];

        public FencingToken? Highest { get; private set; }

        public bool TryAccept(FencingToken token)
        {
            Asked.Add(token.Value);
            if (Highest is { } highest && token < highest)
            {
                return false;
            }

            Highest = token;
            return true;
        }
    }

    private static bool Admit(StorageGuard guard, long? token) => guard.TryAdmit(token is { } t ? new FencingToken(t) : null, out _);

    [Fact]
    public void It_asks_the_check_about_every_write_with_a_token_and_refuses_one_without_before_asking()
    {
        var check = new HighestCheck();
        var guard = StorageGuard.FromCheck("your FencingGuard", check.TryAccept);

        Assert.True(Admit(guard, 33));
        Assert.True(Admit(guard, 34));
        Assert.False(guard.TryAdmit(new FencingToken(33), out var refusal));
        Assert.False(Admit(guard, null));

        Assert.Equal([33L, 34L, 33L], check.Asked);
        Assert.Equal("your FencingGuard", guard.Name);
        Assert.Equal("refused by your FencingGuard: token 33, highest seen token 34", refusal);
    }

    [Fact]
    public void Without_a_disk_a_restarted_store_has_a_fresh_check_that_knows_nothing()
    {
        Assert.True(Admit(StorageGuard.FromCheck("yours", new HighestCheck().TryAccept), 34));
        var afterRestart = new HighestCheck();
        Assert.True(Admit(StorageGuard.FromCheck("yours", afterRestart.TryAccept), 33));
    }

    [Fact]
    public void With_a_disk_the_highest_token_survives_a_restart_and_is_handed_to_the_fresh_check_first()
    {
        var disk = new DurableState();
        var before = StorageGuard.FromCheck("yours", new HighestCheck().TryAccept, disk);
        Assert.True(Admit(before, 34));
        Assert.True(Admit(before, 35));
        Assert.False(Admit(before, 33)); // a refusal changes nothing on the disk

        var fresh = new HighestCheck();
        var after = new TokenCheckGuard("yours", fresh.TryAccept, disk);
        Assert.Equal([35L], fresh.Asked);
        Assert.Equal(new FencingToken(35), after.Highest);
        Assert.False(Admit(after, 34));
        Assert.True(Admit(after, 35));
    }

    [Fact]
    public void Given_what_the_check_remembers_the_disk_keeps_that_and_not_the_highest_admitted()
    {
        // A check with a bug: it remembers only the first token. What survives a restart is its memory, bug and all.
        FencingToken? first = null;
        bool FirstOnly(FencingToken token)
        {
            first ??= token;
            return token >= first.Value;
        }

        var disk = new DurableState();
        var guard = new TokenCheckGuard("first only", FirstOnly, disk, highest: () => first);
        Assert.True(Admit(guard, 1));
        Assert.True(Admit(guard, 2));
        Assert.Equal(new FencingToken(1), guard.Highest);

        var fresh = new HighestCheck();
        _ = new TokenCheckGuard("first only", fresh.TryAccept, disk);
        Assert.Equal([1L], fresh.Asked);
    }

    [Fact]
    public void A_correct_check_at_the_bank_ledger_pays_once_and_refuses_the_deposed_leader_under_the_explorers_crashes()
    {
        var scenario = new BankLedgerScenario(disk => StorageGuard.FromCheck("your FencingGuard", new HighestCheck().TryAccept, disk));
        var story = scenario.Run(new ScenarioOptions { Seed = 1, Fencing = true });
        Assert.Empty(story.Violations);
        Assert.Equal(60, story.Figures[RunFigure.PaidOut]);
        Assert.Contains(story.Trace.Writes(accepted: false), w => w.Write.Reason.StartsWith("refused by your FencingGuard", StringComparison.Ordinal));

        var explored = SplitBrain.Explorer.Run(scenario, new ExploreOptions { Schedules = 200, Fencing = true, StopAtFirstViolation = false });
        Assert.Equal(0, explored.Violations);
    }

    [Fact]
    public void It_refuses_a_nameless_guard_or_a_missing_check()
    {
        Assert.Throws<ArgumentException>(() => new TokenCheckGuard(" ", _ => true));
        Assert.Throws<ArgumentNullException>(() => new TokenCheckGuard("yours", null!));
    }
}
