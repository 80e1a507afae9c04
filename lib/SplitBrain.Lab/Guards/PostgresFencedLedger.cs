using System.Data.Common;
using Npgsql;

namespace SplitBrain.Lab;

/// <summary>
/// The fenced ledger in a PostgreSQL server, through Npgsql, at the default isolation (read committed). The guard's
/// <c>UPDATE … WHERE max_token &lt;= @t</c> locks the fence row, so a second writer waits and then re-checks the
/// condition against the committed token: the atomic guard holds under concurrent writers.
/// </summary>
public sealed class PostgresFencedLedger : SqlFencedLedger
{
    private readonly NpgsqlDataSource source;

    /// <summary>Connects to the server that <paramref name="connectionString"/> names.</summary>
    /// <param name="connectionString">An Npgsql connection string: <c>Host=127.0.0.1;Port=…;Username=postgres</c>.</param>
    /// <param name="resource">The account's name.</param>
    /// <param name="guard">How tokens are checked.</param>
    public PostgresFencedLedger(string connectionString, string resource = "acct-1", LedgerGuard guard = LedgerGuard.Atomic)
        : base(resource, guard)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        source = NpgsqlDataSource.Create(connectionString);
    }

    /// <inheritdoc />
    public override string StoreName => "postgres";

    /// <inheritdoc />
    protected override string SequenceColumn => "seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await source.OpenConnectionAsync(cancellationToken);

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await source.DisposeAsync();
        await base.DisposeAsync();
    }
}
