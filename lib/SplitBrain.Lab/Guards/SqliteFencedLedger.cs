using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SplitBrain.Lab;

/// <summary>
/// The lab's embedded default: the fenced ledger in a SQLite file, through Microsoft.Data.Sqlite. Nothing to install.
/// The file is in WAL mode with <c>synchronous=FULL</c>, so an acknowledged commit survives a killed process, and
/// a <c>busy_timeout</c>, so two writer processes wait for each other instead of failing.
/// </summary>
public sealed class SqliteFencedLedger : SqlFencedLedger
{
    /// <summary>How long a writer waits for another process's transaction before it gives up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly string connectionString;

    /// <summary>Opens (or will create) the ledger in the file at <paramref name="path"/>.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="resource">The account's name.</param>
    /// <param name="guard">How tokens are checked.</param>
    public SqliteFencedLedger(string path, string resource = "acct-1", LedgerGuard guard = LedgerGuard.Atomic)
        : base(resource, guard)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
            Pooling = false,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override string StoreName => "sqlite";

    /// <inheritdoc />
    protected override string SequenceColumn => "seq INTEGER PRIMARY KEY AUTOINCREMENT";

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
