using System.Diagnostics;
using BenchmarkDotNet.Running;
using SplitBrain.Benchmarks;

// `--quick` prints the headline figures in a few seconds; anything else goes to BenchmarkDotNet
// (for example: --filter '*' for every benchmark, with allocation figures).
if (args.Length > 0 && args[0] == "--quick")
{
    Quick.KernelEventsPerSecond();
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(KernelBenchmarks).Assembly).Run(args);
return 0;

/// <summary>The headline figures, measured with a stopwatch after a warm-up. Not a test: nothing here passes or fails.</summary>
internal static class Quick
{
    public static void KernelEventsPerSecond()
    {
        // Warm up the JIT, then take the best of five runs.
        HeartbeatNode.Cluster(1, 5).Run(TimeSpan.FromMinutes(1));
        double best = 0;
        long events = 0;
        long allocated = 0;
        for (int round = 0; round < 5; round++)
        {
            var sim = HeartbeatNode.Cluster(1, 5);
            long before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            events = sim.Run(TimeSpan.FromMinutes(10)).Steps;
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            best = Math.Max(best, events / watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"kernel: {events:N0} events per run, {best:N0} events/s on one core (best of 5), {(double)allocated / events:0.0} bytes allocated per event (the trace's growth included)");
    }
}
