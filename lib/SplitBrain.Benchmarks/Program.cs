using System.Diagnostics;
using BenchmarkDotNet.Running;
using SplitBrain;
using SplitBrain.Benchmarks;

// `--quick` prints the headline figures in a few seconds; anything else goes to BenchmarkDotNet
// (for example: --filter '*' for every benchmark, with allocation figures).
if (args.Length > 0 && args[0] == "--quick")
{
    Quick.KernelEventsPerSecond();
    Quick.Explorer();
    SideBySide.Run();
    return 0;
}

// `--histories [PATH]` prints the linearizability checker's figures on the shared histories.
if (args.Length > 0 && args[0] == "--histories")
{
    return HistoryBenchmarks.Run(args.Length > 1 ? args[1] : null);
}

// `--coyote` prints only the side-by-side comparison with Microsoft Coyote.
if (args.Length > 0 && args[0] == "--coyote")
{
    SideBySide.Run();
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(KernelBenchmarks).Assembly).Run(args);
return 0;

/// <summary>The headline figures, measured with a stopwatch after a warm-up. Not a test: nothing here passes or fails.</summary>
internal static class Quick
{
    public static void KernelEventsPerSecond()
    {
        // Warm up the JIT (Run is called often enough to reach its last tier), then take the best of five runs.
        for (int warm = 0; warm < 50; warm++)
        {
            HeartbeatNode.Cluster(warm, 5).Run(TimeSpan.FromSeconds(10));
        }

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

    public static void Explorer()
    {
        var bank = SplitBrain.Scenarios.Get("bank-ledger");
        // A fresh process, as a learner's `course explore` is: the first 100,000 schedules, JIT warm-up included.
        var cold = SplitBrain.Explorer.Run(bank, new ExploreOptions { Schedules = 100_000, Fencing = true });
        Console.WriteLine($"explorer: bank-ledger, fencing on, from a cold start: {cold.Schedules:N0} schedules in {cold.Elapsed.TotalSeconds:0.00} s = {cold.SchedulesPerSecond:N0} schedules/s on {Environment.ProcessorCount} cores, {cold.Violations} violations");

        // Warmed up: the JIT's last tier is in place. The figure: 100,000 schedules, nothing to find.
        // Three runs from different first seeds, reported by their median, because this machine's speed
        // wanders from minute to minute.
        int collections = GC.CollectionCount(0);
        var paused = GC.GetTotalPauseDuration();
        var runs = new List<ExploreResult>();
        for (int run = 1; run <= 3; run++)
        {
            runs.Add(SplitBrain.Explorer.Run(bank, new ExploreOptions { FirstSeed = 1 + (run * 100_000), Schedules = 100_000, Fencing = true }));
        }

        collections = GC.CollectionCount(0) - collections;
        paused = GC.GetTotalPauseDuration() - paused;
        var rates = runs.Select(r => r.SchedulesPerSecond).Order().ToList();
        var elapsed = TimeSpan.FromTicks(runs.Sum(r => r.Elapsed.Ticks));
        Console.WriteLine($"explorer: bank-ledger, fencing on, warmed up: 3 x 100,000 schedules, median {rates[1]:N0} schedules/s on {Environment.ProcessorCount} cores (runs {rates[0]:N0} to {rates[2]:N0}), {runs.Sum(r => r.Violations)} violations; "
            + $"{collections / 3:N0} garbage collections per 100,000 paused both cores for {paused.TotalMilliseconds / elapsed.TotalMilliseconds:P0} of the time");
        var oneCore = SplitBrain.Explorer.Run(bank, new ExploreOptions { Schedules = 30_000, Fencing = true, Parallelism = 1 });
        Console.WriteLine($"explorer: the same on one core: {oneCore.SchedulesPerSecond:N0} schedules/s, {oneCore.Elapsed.TotalMicroseconds / oneCore.Schedules:0.0} µs per schedule");

        var times = new List<double>();
        var sizes = new List<int>();
        for (int start = 1; start <= 50; start++)
        {
            var found = SplitBrain.Explorer.Run(bank, new ExploreOptions { FirstSeed = start * 1000, Schedules = 10_000, Fencing = false });
            times.Add(found.Elapsed.TotalMilliseconds);
            sizes.Add(found.ShrunkSchedule?.Count ?? -1);
        }

        times.Sort();
        Console.WriteLine($"explorer: bank-ledger, fencing off: first violation in a median of {times[times.Count / 2]:0.0} ms (50 searches from different first seeds; slowest {times[^1]:0.0} ms), shrunk to at most {sizes.Max()} faults");
    }
}
