namespace SplitBrain;

/// <summary>How much work a linearizability check may do, and whom it tells how it is going.</summary>
public sealed record CheckOptions
{
    /// <summary>The most search steps (one step tries one operation in one state) before the check gives up with <see cref="Verdict.Unknown"/>. Default 50,000,000.</summary>
    public long MaxSteps { get; init; } = 50_000_000;

    /// <summary>A wall-clock limit for the whole check; null (the default) for none. A check stopped by it says <see cref="Verdict.Unknown"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Called every <see cref="ProgressEvery"/> steps and once per finished part; null for silence.</summary>
    public Action<CheckProgress>? Progress { get; init; }

    /// <summary>How many steps between two progress calls. Default 1,000,000.</summary>
    public long ProgressEvery { get; init; } = 1_000_000;
}
