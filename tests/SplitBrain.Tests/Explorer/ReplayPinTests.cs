using System.Security.Cryptography;
using System.Text;

namespace SplitBrain.Tests.Explorer;

/// <summary>
/// Recorded seeds must keep replaying. Every scenario, with protection off and on, under its own faults and
/// under 10 of the explorer's random schedules: the full traces of all 242 runs, hashed together, must equal
/// the hash pinned here. Speeding up the kernel must leave it alone; a deliberate change of behaviour
/// updates it, and says so. A scenario added later gets its own pin, so adding one never touches this hash.
/// </summary>
public class ReplayPinTests
{
    /// <summary>Recorded before the kernel got its own event queue; unchanged by it.</summary>
    private const string PinnedHash = "19d17c415bb87581278f8c12c24534fff699c2e71644d43b14b3f300fe801696";

    /// <summary>The scenarios the pin above was recorded with.</summary>
    private static readonly string[] FirstEleven =
    [
        "bank-ledger", "two-two-partition", "three-two-partition", "two-node-cluster", "gc-pause", "clock-skew-lease",
        "asymmetric-partition", "forgetful-storage", "timestamp-tokens", "stonith", "fenced-blind-write",
    ];

    /// <summary>replicated-register's 22 runs, recorded when it was added (after its clients started keeping histories).</summary>
    private const string ReplicatedRegisterHash = "3c1de9c53f69f4157f9c8e4a18d457140d5dfe5510669ef48c482caa814a6fd1";

    [Fact]
    public void Every_scenario_replays_the_runs_recorded_before_the_kernel_was_sped_up()
    {
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        int runs = 0;
        foreach (var scenario in SplitBrain.Scenarios.All.Where(s => FirstEleven.Contains(s.Name)))
        {
            foreach (bool fencing in new[] { false, true })
            {
                var script = scenario.Script(new ScenarioOptions { Fencing = fencing });
                for (long seed = -1; seed < 10; seed++)
                {
                    var faults = seed < 0 ? null : FaultGenerator.Generate(scenario.Bounds, scenario.NodeNames, seed, script);
                    var run = scenario.Run(new ScenarioOptions { Seed = seed, Fencing = fencing, Faults = faults });
                    all.AppendData(Encoding.UTF8.GetBytes($"{scenario.Name} {fencing} {seed} {run.TraceHash}\n"));
                    runs++;
                }
            }
        }

        Assert.Equal(242, runs);
        Assert.Equal(PinnedHash, Convert.ToHexStringLower(all.GetHashAndReset()));
    }

    [Fact]
    public void Replicated_register_replays_the_runs_recorded_when_it_was_added()
    {
        Assert.Equal(ReplicatedRegisterHash, HashOf(SplitBrain.Scenarios.Get("replicated-register")));
    }

    private static string HashOf(Scenario scenario)
    {
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (bool fencing in new[] { false, true })
        {
            var script = scenario.Script(new ScenarioOptions { Fencing = fencing });
            for (long seed = -1; seed < 10; seed++)
            {
                var faults = seed < 0 ? null : FaultGenerator.Generate(scenario.Bounds, scenario.NodeNames, seed, script);
                var run = scenario.Run(new ScenarioOptions { Seed = seed, Fencing = fencing, Faults = faults });
                all.AppendData(Encoding.UTF8.GetBytes($"{scenario.Name} {fencing} {seed} {run.TraceHash} {run.History!.ToEdn().Length}\n"));
            }
        }

        return Convert.ToHexStringLower(all.GetHashAndReset());
    }
}
