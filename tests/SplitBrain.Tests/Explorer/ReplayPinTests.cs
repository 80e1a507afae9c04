using System.Security.Cryptography;
using System.Text;

namespace SplitBrain.Tests.Explorer;

/// <summary>
/// Recorded seeds must keep replaying. Every scenario, with protection off and on, under its own faults and
/// under 10 of the explorer's random schedules: the full traces of all 242 runs, hashed together, must equal
/// the hash pinned here. Speeding up the kernel must leave it alone; a deliberate change of behaviour
/// updates it, and says so.
/// </summary>
public class ReplayPinTests
{
    /// <summary>Recorded before the kernel got its own event queue; unchanged by it.</summary>
    private const string PinnedHash = "19d17c415bb87581278f8c12c24534fff699c2e71644d43b14b3f300fe801696";

    [Fact]
    public void Every_scenario_replays_the_runs_recorded_before_the_kernel_was_sped_up()
    {
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        int runs = 0;
        foreach (var scenario in SplitBrain.Scenarios.All)
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
}
