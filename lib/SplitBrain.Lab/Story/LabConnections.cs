namespace SplitBrain.Lab;

/// <summary>Opens the lab's stores and coordinators by the names the command line uses.</summary>
public static class LabConnections
{
    /// <summary>The store names: <c>sqlite</c> (embedded, the default) and <c>postgres</c>.</summary>
    public static readonly IReadOnlyList<string> Stores = ["sqlite", "postgres"];

    /// <summary>The coordinator names: <c>embedded</c> (the default) and <c>etcd</c>.</summary>
    public static readonly IReadOnlyList<string> Coordinators = ["embedded", "etcd"];

    /// <summary>Opens the ledger in store <paramref name="store"/>.</summary>
    /// <param name="store"><c>sqlite</c> or <c>postgres</c>.</param>
    /// <param name="database">For SQLite the file; for PostgreSQL the connection string.</param>
    /// <param name="guard">How tokens are checked.</param>
    /// <param name="resource">The account's name.</param>
    public static IFencedLedger OpenLedger(string store, string database, LedgerGuard guard = LedgerGuard.Atomic, string resource = "acct-1") => store switch
    {
        "sqlite" => new SqliteFencedLedger(database, resource, guard),
        "postgres" => new PostgresFencedLedger(database, resource, guard),
        _ => throw new ArgumentException($"Unknown store '{store}': use {string.Join(" or ", Stores)}.", nameof(store)),
    };

    /// <summary>Connects to coordinator <paramref name="coordinator"/>.</summary>
    /// <param name="coordinator"><c>embedded</c> or <c>etcd</c>.</param>
    /// <param name="address">For the embedded one, its server's HOST:PORT; for etcd, the client URLs.</param>
    /// <param name="ttl">The lease's time to live.</param>
    public static ILeaseCoordinator Connect(string coordinator, string address, TimeSpan ttl) => coordinator switch
    {
        "embedded" => new EmbeddedLeaseClient(address, ttl),
        "etcd" => new EtcdLeaseCoordinator(address, ttl),
        _ => throw new ArgumentException($"Unknown coordinator '{coordinator}': use {string.Join(" or ", Coordinators)}.", nameof(coordinator)),
    };
}
