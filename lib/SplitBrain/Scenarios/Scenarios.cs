namespace SplitBrain;

/// <summary>The catalogue of the course's scenarios, by name.</summary>
public static class Scenarios
{
    /// <summary>Every scenario, in the order the lessons meet them.</summary>
    public static readonly IReadOnlyList<Scenario> All =
    [
        new BankLedgerScenario(),
        new TwoTwoPartitionScenario(),
        new ThreeTwoPartitionScenario(),
        new TwoNodeClusterScenario(),
        new GcPauseScenario(),
        new ClockSkewLeaseScenario(),
        new AsymmetricPartitionScenario(),
        new ForgetfulStorageScenario(),
        new TimestampTokensScenario(),
        new StonithScenario(),
        new FencedBlindWriteScenario(),
        new ReplicatedRegisterScenario(),
    ];

    /// <summary>The names of all scenarios.</summary>
    public static IReadOnlyList<string> Names => All.Select(s => s.Name).ToArray();

    /// <summary>The scenario called <paramref name="name"/>.</summary>
    /// <param name="name">A scenario name, like <c>bank-ledger</c>.</param>
    /// <exception cref="ArgumentException">No scenario has that name; the message lists the names there are.</exception>
    public static Scenario Get(string name) =>
        All.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"Unknown scenario \"{name}\"; the scenarios are {string.Join(", ", Names)}.", nameof(name));

    /// <summary>Runs the scenario called <paramref name="name"/> with <paramref name="options"/>.</summary>
    /// <param name="name">A scenario name.</param>
    /// <param name="options">Seed, protection, quorum and extra faults.</param>
    public static ScenarioResult Run(string name, ScenarioOptions options) => Get(name).Run(options);
}
