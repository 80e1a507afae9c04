using BenchmarkDotNet.Attributes;

namespace SplitBrain.Benchmarks;

/// <summary>
/// Kernel events per second on a 5-node cluster exchanging heartbeats for 10 virtual minutes
/// (60,000 timers and 240,000 deliveries: 300,000 events per run).
/// Divide the events by the mean time to get events per second; the allocation column, divided by the
/// events, is what each event costs in memory.
/// </summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    /// <summary>Events handled by one run; measured once in setup.</summary>
    public static long EventsPerRun { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var sim = HeartbeatNode.Cluster(seed: 1, nodes: 5);
        EventsPerRun = sim.Run(TimeSpan.FromMinutes(10)).Steps;
    }

    [Benchmark(Description = "5-node heartbeats, 10 virtual minutes")]
    public long FiveNodeHeartbeats()
    {
        var sim = HeartbeatNode.Cluster(seed: 1, nodes: 5);
        return sim.Run(TimeSpan.FromMinutes(10)).Steps;
    }
}
