namespace SplitBrain.Tests.Storage;

public class GuardTests
{
    private static bool Admit(StorageGuard guard, long? token) => guard.TryAdmit(token is { } t ? new FencingToken(t) : null, out _);

    [Fact]
    public void The_fencing_guard_rejects_lower_accepts_equal_and_higher_and_remembers_the_highest()
    {
        var guard = new FencingTokenGuard(new DurableState());
        Assert.True(Admit(guard, 33));
        Assert.True(Admit(guard, 34));
        Assert.True(Admit(guard, 34));
        Assert.False(guard.TryAdmit(new FencingToken(33), out var reason));
        Assert.Equal("refused: token 33 < highest seen 34", reason);
        Assert.Equal(new FencingToken(34), guard.Highest);
        Assert.False(Admit(guard, null));
    }

    [Fact]
    public void The_fencing_guard_keeps_its_highest_token_in_durable_state()
    {
        var disk = new DurableState();
        Assert.True(Admit(new FencingTokenGuard(disk), 34));
        var afterRestart = new FencingTokenGuard(disk);
        Assert.False(Admit(afterRestart, 33));
    }

    [Fact]
    public void The_forgetful_guard_forgets_on_restart()
    {
        Assert.True(Admit(new ForgetfulGuard(), 34));
        Assert.True(Admit(new ForgetfulGuard(), 33));
        var same = new ForgetfulGuard();
        Assert.True(Admit(same, 34));
        Assert.False(Admit(same, 33));
    }

    [Fact]
    public void No_guard_and_the_lease_trusting_guard_let_stale_writes_through()
    {
        var none = StorageGuard.None();
        Assert.True(Admit(none, 34));
        Assert.True(Admit(none, 33));
        var trusting = StorageGuard.LeaseTrusting();
        Assert.True(Admit(trusting, 34));
        Assert.True(Admit(trusting, 33));
        Assert.False(Admit(trusting, null));
    }

    [Fact]
    public void A_blind_write_from_an_old_version_erases_the_writes_since()
    {
        var ledger = new Ledger(100);
        ledger.SetBalance("w1", 40, basedOnVersion: 0);
        ledger.SetBalance("w2", 40, basedOnVersion: 0);
        Assert.Equal(40, ledger.Balance);
        Assert.Equal(["w2"], ledger.EffectiveRequests);
    }

    [Fact]
    public void A_conditional_debit_refuses_what_the_balance_does_not_cover()
    {
        var ledger = new Ledger(100);
        Assert.True(ledger.TryDebit("w1", 60));
        Assert.False(ledger.TryDebit("w2", 60));
        Assert.Equal(40, ledger.Balance);
        Assert.Equal(["w1"], ledger.EffectiveRequests);
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => ledger.TryDebit("w3", 0)).ParamName);
        Assert.Equal("initialBalance", Assert.Throws<ArgumentOutOfRangeException>(() => new Ledger(-1)).ParamName);
    }
}
