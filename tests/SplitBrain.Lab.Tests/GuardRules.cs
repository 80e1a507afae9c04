using SplitBrain.Lab.Tests.Support;

namespace SplitBrain.Lab.Tests;

/// <summary>
/// The fencing guard's rules, written once and run against every store: SQLite, PostgreSQL and the simulation's own.
/// The rules are the simulation's (lesson 4): refuse a lower token, admit an equal or higher one, keep the highest
/// with the data; and a refused withdrawal changes nothing.
/// </summary>
public abstract class GuardRules
{
    /// <summary>A ledger with a fresh $100 account that no other test uses.</summary>
    protected abstract IFencedLedger NewLedger();

    private async Task<IFencedLedger> OpenAsync()
    {
        var ledger = NewLedger();
        await ledger.CreateAsync(100);
        return ledger;
    }

    [StoreFact]
    public async Task Rule1_the_first_token_is_accepted_and_becomes_the_highest()
    {
        await using var ledger = await OpenAsync();
        Assert.Null(await ledger.HighestTokenAsync());

        var verdict = await ledger.WithdrawAsync("client-1", new FencingToken(33), 10);

        Assert.Equal((true, "ok", 90L), (verdict.Accepted, verdict.Reason, verdict.Balance));
        Assert.Equal(new FencingToken(33), await ledger.HighestTokenAsync());
    }

    [StoreFact]
    public async Task Rule2_33_after_34_is_refused_and_changes_nothing()
    {
        await using var ledger = await OpenAsync();
        await ledger.WithdrawAsync("client-1", new FencingToken(33), 10);
        await ledger.WithdrawAsync("client-2", new FencingToken(34), 10);

        var late = await ledger.WithdrawAsync("client-1", new FencingToken(33), 60);

        Assert.False(late.Accepted);
        Assert.Equal("refused: token 33 < highest seen 34", late.Reason);
        Assert.Equal(80, await ledger.BalanceAsync());
        Assert.Equal(new FencingToken(34), await ledger.HighestTokenAsync());
        Assert.Equal([33L, 34L], (await ledger.AuditAsync()).Select(a => a.Token.Value));
    }

    [StoreFact]
    public async Task Rule3_the_lessons_sequence_33_34_33_34_35_gives_the_lessons_verdicts()
    {
        await using var ledger = await OpenAsync();
        var verdicts = new List<bool>();
        foreach (long token in new long[] { 33, 34, 33, 34, 35 })
        {
            verdicts.Add((await ledger.WithdrawAsync("writer", new FencingToken(token), 1)).Accepted);
        }

        Assert.Equal([true, true, false, true, true], verdicts);
        Assert.Equal(new FencingToken(35), await ledger.HighestTokenAsync());
        Assert.Equal(96, await ledger.BalanceAsync());
        Assert.Equal(0, AuditRow.CountStale(await ledger.AuditAsync()));
    }

    [StoreFact]
    public async Task Rule4_a_withdrawal_the_balance_does_not_cover_is_refused_and_does_not_raise_the_token()
    {
        await using var ledger = await OpenAsync();
        await ledger.WithdrawAsync("A", new FencingToken(1), 60);

        var second = await ledger.WithdrawAsync("B", new FencingToken(2), 60);

        Assert.False(second.Accepted);
        Assert.Equal("refused: balance $40 does not cover $60", second.Reason);
        Assert.Equal(new FencingToken(1), await ledger.HighestTokenAsync());
        Assert.Single(await ledger.AuditAsync());
    }

    [StoreFact]
    public async Task Rule5_creating_the_account_twice_keeps_the_first_balance_and_the_highest_token()
    {
        await using var ledger = await OpenAsync();
        await ledger.WithdrawAsync("A", new FencingToken(7), 30);

        await ledger.CreateAsync(500);

        Assert.Equal(70, await ledger.BalanceAsync());
        Assert.Equal(new FencingToken(7), await ledger.HighestTokenAsync());
    }

    [StoreFact]
    public async Task Rule6_bad_arguments_are_refused_naming_the_parameter()
    {
        await using var ledger = await OpenAsync();

        Assert.Equal("amount", (await Assert.ThrowsAnyAsync<ArgumentException>(() => ledger.WithdrawAsync("A", new FencingToken(1), 0))).ParamName);
        Assert.Equal("token", (await Assert.ThrowsAnyAsync<ArgumentException>(() => ledger.WithdrawAsync("A", new FencingToken(0), 5))).ParamName);
        Assert.Equal("writer", (await Assert.ThrowsAnyAsync<ArgumentException>(() => ledger.WithdrawAsync(" ", new FencingToken(1), 5))).ParamName);
        Assert.Equal("openingBalance", (await Assert.ThrowsAnyAsync<ArgumentException>(() => ledger.CreateAsync(-1))).ParamName);
        Assert.Equal(100, await ledger.BalanceAsync());
    }
}

/// <summary>The rules in a SQLite file.</summary>
public sealed class SqliteGuardRules : GuardRules, IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("splitbrain-lab-rules-");

    protected override IFencedLedger NewLedger() => new SqliteFencedLedger(Path.Combine(folder.FullName, "ledger.db"), resource: $"acct-{Guid.NewGuid():N}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}

/// <summary>The rules in a PostgreSQL server on loopback.</summary>
public sealed class PostgresGuardRules(SharedPostgres postgres) : GuardRules, INeedsPostgres, IClassFixture<SharedPostgres>
{
    protected override IFencedLedger NewLedger() => new PostgresFencedLedger(postgres.ConnectionString, resource: $"acct-{Guid.NewGuid():N}");
}

/// <summary>The rules in the simulation's own store: its <see cref="FencingTokenGuard"/> and <see cref="Ledger"/>.</summary>
public sealed class SimulationGuardRules : GuardRules
{
    protected override IFencedLedger NewLedger() => new SimulatedFencedLedger();
}
