namespace SplitBrain.Lab;

/// <summary>What one lab client process is told on its command line.</summary>
public sealed record LabClientOptions
{
    /// <summary>The client's name: <c>client-1</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public required string Store { get; init; }

    /// <summary>The SQLite file, or the PostgreSQL connection string.</summary>
    public required string Database { get; init; }

    /// <summary><c>embedded</c> or <c>etcd</c>.</summary>
    public required string Coordinator { get; init; }

    /// <summary>The embedded lease server's HOST:PORT, or etcd's client URLs.</summary>
    public required string Address { get; init; }

    /// <summary>The lease's time to live.</summary>
    public TimeSpan Ttl { get; init; } = LabOptions.DefaultTtl;

    /// <summary>Dollars each write takes.</summary>
    public long Amount { get; init; } = 10;
}
