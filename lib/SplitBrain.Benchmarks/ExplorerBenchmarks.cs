using BenchmarkDotNet.Attributes;

namespace SplitBrain.Benchmarks;

/// <summary>
/// The explorer on bank-ledger: one schedule on one core (time and memory per schedule), 10,000 schedules with
/// fencing on on every core (nothing to find: pure throughput; divide 10,000 by the mean for schedules per
/// second), and the search for the first overdraft with fencing off, shrinking and replay included.
/// </summary>
[MemoryDiagnoser]
public class ExplorerBenchmarks
{
    private readonly Scenario bank = SplitBrain.Scenarios.Get("bank-ledger");
    private IReadOnlyList<string> nodes = [];
    private IReadOnlyList<ScheduledFault> script = [];
    private long seed;

    [GlobalSetup]
    public void Setup()
    {
        nodes = bank.NodeNames;
        script = bank.Script(new ScenarioOptions { Fencing = true });
    }

    [Benchmark(Description = "one bank-ledger schedule, fencing on, one core")]
    public int OneSchedule()
    {
        // A new seed each call, as the explorer draws them; the same sequence in every run of the benchmark.
        long next = seed++ % 100_000;
        var faults = FaultGenerator.Generate(bank.Bounds, nodes, next, script);
        var result = bank.Run(new ScenarioOptions { Seed = next, Fencing = true, Faults = faults, TraceTraffic = false });
        return result.Violations.Count;
    }

    [Benchmark(Description = "10,000 bank-ledger schedules, fencing on, every core")]
    public long TenThousandSchedules()
    {
        var result = SplitBrain.Explorer.Run(bank, new ExploreOptions { Schedules = 10_000, Fencing = true });
        return result.Violations != 0 ? throw new InvalidOperationException("fencing on must find nothing") : result.Schedules;
    }

    [Benchmark(Description = "first overdraft, fencing off, shrunk and replayed")]
    public long FirstViolation()
    {
        var result = SplitBrain.Explorer.Run(bank, new ExploreOptions { Schedules = 10_000, Fencing = false });
        return result.FirstViolatingSeed ?? throw new InvalidOperationException("fencing off must find the overdraft");
    }
}
