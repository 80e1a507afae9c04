using System.Data.Common;

namespace SplitBrain.Lab;

/// <summary>
/// The fencing guard in SQL, shared by <see cref="SqliteFencedLedger"/> and <see cref="PostgresFencedLedger"/>.
/// Three tables: <c>fence</c> (the highest token per resource), <c>account</c> (the balance) and <c>audit</c>
/// (one row per accepted withdrawal). The highest token lives in the same database as the balance and is changed
/// in the same transaction, so a crash keeps both or neither.
/// </summary>
/// <remarks>
/// The atomic guard is one transaction:
/// <code>
/// UPDATE fence SET max_token = @t WHERE resource = @r AND max_token &lt;= @t   -- 0 rows: stale, roll back
/// UPDATE account SET balance = balance - @a WHERE resource = @r AND balance &gt;= @a
/// INSERT INTO audit (...)
/// </code>
/// The database serialises the first statement between concurrent writers, so no stale write can slip in.
/// <see cref="LedgerGuard.CheckThenWrite"/> reads the token first and writes later, and so it can.
/// </remarks>
public abstract class SqlFencedLedger : IFencedLedger
{
    /// <summary>Makes a ledger for one account.</summary>
    /// <param name="resource">The account's name; also the fence's row.</param>
    /// <param name="guard">How tokens are checked.</param>
    protected SqlFencedLedger(string resource, LedgerGuard guard)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resource);
        if (!Enum.IsDefined(guard))
        {
            throw new ArgumentOutOfRangeException(nameof(guard), guard, "A guard is Atomic or CheckThenWrite.");
        }

        Resource = resource;
        Guard = guard;
    }

    /// <summary>The account's name, and the key of its row in <c>fence</c>.</summary>
    public string Resource { get; }

    /// <inheritdoc />
    public LedgerGuard Guard { get; }

    /// <inheritdoc />
    public abstract string StoreName { get; }

    /// <summary>The column definition of the audit table's sequence, in this database's dialect.</summary>
    protected abstract string SequenceColumn { get; }

    /// <summary>Opens a connection, ready for use.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public async Task CreateAsync(long openingBalance, CancellationToken cancellationToken = default)
    {
        WithdrawalRules.CheckOpening(openingBalance);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS fence (resource TEXT PRIMARY KEY, max_token BIGINT NOT NULL)", cancellationToken);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS account (resource TEXT PRIMARY KEY, balance BIGINT NOT NULL)", cancellationToken);
        await ExecuteAsync(connection, transaction, $"CREATE TABLE IF NOT EXISTS audit ({SequenceColumn}, resource TEXT NOT NULL, writer TEXT NOT NULL, token BIGINT NOT NULL, amount BIGINT NOT NULL, balance_after BIGINT NOT NULL)", cancellationToken);
        await ExecuteAsync(connection, transaction, "INSERT INTO fence (resource, max_token) VALUES (@r, 0) ON CONFLICT DO NOTHING", cancellationToken, ("r", Resource));
        await ExecuteAsync(connection, transaction, "INSERT INTO account (resource, balance) VALUES (@r, @b) ON CONFLICT DO NOTHING", cancellationToken, ("r", Resource), ("b", openingBalance));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<GuardVerdict> WithdrawAsync(string writer, FencingToken token, long amount, CancellationToken cancellationToken = default)
    {
        WithdrawalRules.Check(writer, token, amount);
        return Guard == LedgerGuard.Atomic
            ? await WithdrawAtomicallyAsync(writer, token, amount, cancellationToken)
            : await CheckThenWriteAsync(writer, token, amount, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<FencingToken?> HighestTokenAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        long highest = await ScalarAsync(connection, null, "SELECT max_token FROM fence WHERE resource = @r", cancellationToken, ("r", Resource));
        return highest > 0 ? new FencingToken(highest) : null;
    }

    /// <inheritdoc />
    public async Task<long> BalanceAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ScalarAsync(connection, null, "SELECT balance FROM account WHERE resource = @r", cancellationToken, ("r", Resource));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditRow>> AuditAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT seq, writer, token, amount, balance_after FROM audit WHERE resource = @r ORDER BY seq", ("r", Resource));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<AuditRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AuditRow(reader.GetInt64(0), reader.GetString(1), new FencingToken(reader.GetInt64(2)), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return rows;
    }

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private async Task<GuardVerdict> WithdrawAtomicallyAsync(string writer, FencingToken token, long amount, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int raised = await ExecuteAsync(connection, transaction, "UPDATE fence SET max_token = @t WHERE resource = @r AND max_token <= @t", cancellationToken, ("t", token.Value), ("r", Resource));
        if (raised == 0)
        {
            long highest = await ScalarAsync(connection, transaction, "SELECT max_token FROM fence WHERE resource = @r", cancellationToken, ("r", Resource));
            long balance = await ScalarAsync(connection, transaction, "SELECT balance FROM account WHERE resource = @r", cancellationToken, ("r", Resource));
            await transaction.RollbackAsync(cancellationToken);
            return new GuardVerdict(false, token, WithdrawalRules.Stale(token, highest), balance);
        }

        return await DebitAndAuditAsync(connection, transaction, writer, token, amount, cancellationToken);
    }

    // The bad example: the check and the write are two steps, and another writer can commit in between.
    private async Task<GuardVerdict> CheckThenWriteAsync(string writer, FencingToken token, long amount, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        long highest = await ScalarAsync(connection, null, "SELECT max_token FROM fence WHERE resource = @r", cancellationToken, ("r", Resource));
        if (token.Value < highest)
        {
            long balance = await ScalarAsync(connection, null, "SELECT balance FROM account WHERE resource = @r", cancellationToken, ("r", Resource));
            return new GuardVerdict(false, token, WithdrawalRules.Stale(token, highest), balance);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "UPDATE fence SET max_token = @t WHERE resource = @r", cancellationToken, ("t", token.Value), ("r", Resource));
        return await DebitAndAuditAsync(connection, transaction, writer, token, amount, cancellationToken);
    }

    private async Task<GuardVerdict> DebitAndAuditAsync(DbConnection connection, DbTransaction transaction, string writer, FencingToken token, long amount, CancellationToken cancellationToken)
    {
        int debited = await ExecuteAsync(connection, transaction, "UPDATE account SET balance = balance - @a WHERE resource = @r AND balance >= @a", cancellationToken, ("a", amount), ("r", Resource));
        long balance = await ScalarAsync(connection, transaction, "SELECT balance FROM account WHERE resource = @r", cancellationToken, ("r", Resource));
        if (debited == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new GuardVerdict(false, token, WithdrawalRules.Uncovered(balance, amount), balance);
        }

        await ExecuteAsync(
            connection, transaction,
            "INSERT INTO audit (resource, writer, token, amount, balance_after) VALUES (@r, @w, @t, @a, @b)",
            cancellationToken, ("r", Resource), ("w", writer), ("t", token.Value), ("a", amount), ("b", balance));
        await transaction.CommitAsync(cancellationToken);
        return new GuardVerdict(true, token, "ok", balance);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        object? value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? throw new InvalidOperationException($"The ledger for '{parameters[0].Value}' has no row: call CreateAsync first.") : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
