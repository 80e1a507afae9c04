using SplitBrain.Lab.Tests.Support;
using Xunit.Abstractions;

namespace SplitBrain.Lab.Tests;

/// <summary>
/// Two writer processes, started together, with interleaved tokens (1, 3, 5, … and 2, 4, 6, …), as fast as the store
/// lets them. The atomic guard lets no stale write through: the audit's tokens only rise. The check-then-write
/// bad example lets some through, because the other writer commits between its check and its write.
/// </summary>
public sealed class ConcurrentWriters(ITestOutputHelper output, SharedPostgres postgres) : IClassFixture<SharedPostgres>, IDisposable
{
    private const int WritesEach = 400;
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("splitbrain-lab-load-");

    [Fact]
    public Task Sqlite_atomic_guard_accepts_no_stale_write() => AtomicAsync("sqlite", NewSqlite());

    [Fact]
    public Task Sqlite_check_then_write_lets_stale_writes_through() => CheckThenWriteAsync("sqlite", NewSqlite);

    [PostgresFact]
    public Task Postgres_atomic_guard_accepts_no_stale_write() => AtomicAsync("postgres", postgres.ConnectionString, NewResource());

    [PostgresFact]
    public Task Postgres_check_then_write_lets_stale_writes_through() => CheckThenWriteAsync("postgres", () => postgres.ConnectionString, NewResource);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private async Task AtomicAsync(string store, string database, string resource = "acct-1")
    {
        var (acknowledged, audit) = await RaceAsync(store, database, "atomic", resource);

        output.WriteLine($"{store}, atomic guard: {audit.Count} accepted, {acknowledged.Count(l => l.Accepted == false)} refused, {AuditRow.CountStale(audit)} stale accepted");
        Assert.Equal(0, AuditRow.CountStale(audit));
        Assert.Equal(2 * WritesEach, acknowledged.Count);
        Assert.Equal(acknowledged.Count(l => l.Accepted == true), audit.Count);
        Assert.Contains(acknowledged, l => l.Accepted == false);
        Assert.Equal(audit.Select(a => a.Token.Value).Order(), audit.Select(a => a.Token.Value));
    }

    private async Task CheckThenWriteAsync(string store, Func<string> database, Func<string>? resource = null)
    {
        // A race: a round may see no stale write; three rounds without one would mean the bad guard were safe.
        var counts = new List<int>();
        for (int round = 0; round < 3 && counts.Sum() == 0; round++)
        {
            var (_, audit) = await RaceAsync(store, database(), "check-then-write", resource?.Invoke() ?? "acct-1");
            counts.Add(AuditRow.CountStale(audit));
        }

        output.WriteLine($"{store}, check-then-write: stale writes accepted per round: {string.Join(", ", counts)} (of {2 * WritesEach} writes each)");
        Assert.True(counts.Sum() > 0, $"the check-then-write guard let no stale write through in {counts.Count} rounds of {2 * WritesEach} writes");
    }

    private async Task<(List<ClientLine> Acknowledged, IReadOnlyList<AuditRow> Audit)> RaceAsync(string store, string database, string guard, string resource)
    {
        await using (var ledger = NewLedger(store, database, resource))
        {
            await ledger.CreateAsync(1_000_000);
        }

        var lines = await WriterRun.RunTogetherAsync(store, database, guard, resource, ("odd", 1, 2, WritesEach), ("even", 2, 2, WritesEach));
        await using var reader = NewLedger(store, database, resource);
        return (lines, await reader.AuditAsync());
    }

    // Tests that share one PostgreSQL server keep apart by their account names.
    private static IFencedLedger NewLedger(string store, string database, string resource) =>
        store == "sqlite" ? new SqliteFencedLedger(database, resource) : new PostgresFencedLedger(database, resource);

    private string NewSqlite() => Path.Combine(folder.FullName, $"{Guid.NewGuid():N}.db");

    private static string NewResource() => $"acct-{Guid.NewGuid():N}";
}
