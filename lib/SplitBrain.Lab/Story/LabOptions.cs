namespace SplitBrain.Lab;

/// <summary>The settings of one run of the lab (<c>course lab</c>).</summary>
public sealed record LabOptions
{
    /// <summary>The lease's time to live: 2 s, the shortest etcd honours.</summary>
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromSeconds(2);

    /// <summary>How long client 1 stays frozen by default: twice the time to live.</summary>
    public static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(4);

    /// <summary>The longest pause the lab accepts.</summary>
    public static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(60);

    /// <summary><c>sqlite</c> (the default, embedded) or <c>postgres</c>.</summary>
    public string Store { get; init; } = "sqlite";

    /// <summary><c>embedded</c> (the default) or <c>etcd</c>.</summary>
    public string Coordinator { get; init; } = "embedded";

    /// <summary>How long client 1 is frozen with SIGSTOP; longer than <see cref="Ttl"/>.</summary>
    public TimeSpan Pause { get; init; } = DefaultPause;

    /// <summary>How many etcd members: 1, or 3 for the extra act where etcd's own leader is frozen.</summary>
    public int EtcdNodes { get; init; } = 1;

    /// <summary>The lease's time to live.</summary>
    public TimeSpan Ttl { get; init; } = DefaultTtl;

    /// <summary>Dollars in the account at the start.</summary>
    public long OpeningBalance { get; init; } = 100;

    /// <summary>The program that runs a lab client, and the arguments before the client's own: for the course, its own binary and <c>lab-client</c>.</summary>
    public required (string File, IReadOnlyList<string> Arguments) ClientProgram { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        if (!LabConnections.Stores.Contains(Store))
        {
            throw new ArgumentException($"Unknown store '{Store}': use {string.Join(" or ", LabConnections.Stores)}.", nameof(Store));
        }

        if (!LabConnections.Coordinators.Contains(Coordinator))
        {
            throw new ArgumentException($"Unknown coordinator '{Coordinator}': use {string.Join(" or ", LabConnections.Coordinators)}.", nameof(Coordinator));
        }

        if (EtcdNodes is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(EtcdNodes), EtcdNodes, "etcd runs with 1 or 3 members.");
        }

        if (Pause <= Ttl || Pause > LongestPause)
        {
            throw new ArgumentOutOfRangeException(nameof(Pause), Pause, $"The pause must outlast the lease's time to live ({Ttl.TotalSeconds:0.#} s) and be at most {LongestPause.TotalSeconds:0} s.");
        }

        if (OpeningBalance < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(OpeningBalance), OpeningBalance, "The story takes up to $80: open with $100 or more.");
        }
    }
}
