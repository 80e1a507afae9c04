using SplitBrain.Lab.Tests.Support;
using Xunit.Abstractions;

namespace SplitBrain.Lab.Tests;

/// <summary>
/// The guard's memory survives a crash. A writer process withdraws $1 per token, 1, 2, 3, …, and prints each
/// verdict only after the commit returned. It is killed with SIGKILL mid-run. Then: every acknowledged write is in
/// the store, the highest token is at least the last acknowledged one, and a restarted writer with an older token
/// is still refused.
/// </summary>
public sealed class Durability(ITestOutputHelper output, SharedPostgres postgres) : IClassFixture<SharedPostgres>, IDisposable
{
    private const int AcknowledgedBeforeKill = 150;
    private const long OpeningBalance = 1_000_000;
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("splitbrain-lab-crash-");

    [Fact]
    public Task Sqlite_keeps_every_acknowledged_write_and_the_highest_token_across_a_SIGKILL() =>
        KillAndRestartAsync("sqlite", Path.Combine(folder.FullName, "ledger.db"), "acct-1");

    [PostgresFact]
    public Task Postgres_keeps_every_acknowledged_write_and_the_highest_token_across_a_SIGKILL() =>
        KillAndRestartAsync("postgres", postgres.ConnectionString, $"acct-{Guid.NewGuid():N}");

    [PostgresFact]
    public Task Postgres_keeps_them_across_a_SIGKILL_of_the_writer_and_a_crash_of_the_server() =>
        KillAndRestartAsync("postgres", postgres.ConnectionString, $"acct-{Guid.NewGuid():N}", crashServer: true);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private async Task KillAndRestartAsync(string store, string database, string resource, bool crashServer = false)
    {
        await using (var setup = LabConnections.OpenLedger(store, database, resource: resource))
        {
            await setup.CreateAsync(OpeningBalance);
        }

        // Run a writer that would write a million times, and kill it once it has acknowledged enough.
        var acknowledged = new List<long>();
        await using (var writer = WriterRun.Start(store, database, "atomic", resource, "writer", 1, 1, 1_000_000))
        {
            await writer.WaitForAsync("ready", WriterRun.Limit, _ => { }, CancellationToken.None);
            await writer.SendAsync("go");
            while (acknowledged.Count < AcknowledgedBeforeKill)
            {
                var line = await writer.WaitForAsync("wrote", WriterRun.Limit, _ => { }, CancellationToken.None);
                Assert.True(line.Accepted, line.Detail);
                acknowledged.Add(line.Token!.Value);
            }

            Signals.Kill(writer.Pid);
            Assert.True(await writer.WaitForExitAsync(TimeSpan.FromSeconds(30)), "the killed writer did not exit");
        }

        if (crashServer)
        {
            await postgres.Server!.CrashAndRestartAsync();
        }

        // Restart: a new process, a new connection, the same store.
        await using var ledger = LabConnections.OpenLedger(store, database, resource: resource);
        var audit = await ledger.AuditAsync();
        long highest = (await ledger.HighestTokenAsync())!.Value.Value;
        output.WriteLine($"{store}{(crashServer ? " (server crashed too)" : "")}: {acknowledged.Count} acknowledged before SIGKILL, {audit.Count} in the store after it, highest token {highest}");

        Assert.Empty(acknowledged.Except(audit.Select(a => a.Token.Value)));
        Assert.True(highest >= acknowledged.Max(), $"highest token {highest} < last acknowledged {acknowledged.Max()}");
        Assert.Equal(highest, audit.Max(a => a.Token.Value));
        Assert.Equal(OpeningBalance - audit.Sum(a => a.Amount), await ledger.BalanceAsync());

        long stale = acknowledged.Max() - 100;
        var lines = await WriterRun.RunTogetherAsync(store, database, "atomic", resource, ("restarted", stale, 1, 1), ("next", highest + 1, 1, 1));
        var staleLine = Assert.Single(lines, l => l.Client == "restarted");
        Assert.False(staleLine.Accepted);
        Assert.Equal($"refused: token {stale} < highest seen", staleLine.Detail![..$"refused: token {stale} < highest seen".Length]);
        Assert.True(Assert.Single(lines, l => l.Client == "next").Accepted);
    }
}
