using SplitBrain.Coyote;

namespace SplitBrain.Benchmarks;

/// <summary>
/// The explorer and Microsoft Coyote on the same split brain, measured in the same run: executions per
/// second with the protection on (nothing to find), and the time to the first overdraft with it off.
/// </summary>
internal static class SideBySide
{
    private const int Searches = 21;

    public static void Run()
    {
        // Warm both up: JIT, thread pool, Coyote's runtime.
        CoyoteBank.Test(LedgerWriteMode.ConditionalFenced, 50, 1);
        CoyoteBank.Test(LedgerWriteMode.BlindUnfenced, 100, 1);
        var bank = SplitBrain.Scenarios.Get("bank-ledger");
        var blind = SplitBrain.Scenarios.Get("fenced-blind-write");
        SplitBrain.Explorer.Run(bank, new ExploreOptions { Schedules = 1_000_000, Fencing = true, TimeBudget = TimeSpan.FromSeconds(2) });

        Console.WriteLine();
        Console.WriteLine("side by side with Microsoft Coyote 1.7.11 (the same split brain; see README, Performance):");
        var coyoteSafe = CoyoteBank.Test(LedgerWriteMode.FencedTakeover, 1_000, 7);
        var oursSafe = SplitBrain.Explorer.Run(bank, new ExploreOptions { Schedules = 20_000, Fencing = true });
        var oursSafeOneCore = SplitBrain.Explorer.Run(bank, new ExploreOptions { Schedules = 20_000, Fencing = true, Parallelism = 1 });
        Console.WriteLine($"  protection on, executions per second: coyote {coyoteSafe.IterationsPerSecond:N0} ({coyoteSafe.Iterations:N0} iterations, {coyoteSafe.Bugs} bugs, one core); "
            + $"explorer {oursSafe.SchedulesPerSecond:N0} on {Environment.ProcessorCount} cores, {oursSafeOneCore.SchedulesPerSecond:N0} on one ({oursSafe.Violations} violations); "
            + $"ratio {oursSafe.SchedulesPerSecond / coyoteSafe.IterationsPerSecond:0.0}x");
        var coyoteConditional = CoyoteBank.Test(LedgerWriteMode.ConditionalFenced, 1_000, 7);
        var oursConditional = SplitBrain.Explorer.Run(blind, new ExploreOptions { Schedules = 5_000, Fencing = true });
        Console.WriteLine($"  conditional write (fenced-blind-write, on): coyote {coyoteConditional.IterationsPerSecond:N0}/s, {coyoteConditional.Bugs} bugs; explorer {oursConditional.SchedulesPerSecond:N0}/s, {oursConditional.Violations} violations");

        FirstBug("no token check (bank-ledger, off)", bank, LedgerWriteMode.BlindUnfenced);
        FirstBug("token check, blind write (fenced-blind-write, off)", blind, LedgerWriteMode.BlindFenced);
    }

    private static void FirstBug(string label, Scenario scenario, LedgerWriteMode mode)
    {
        var coyoteMs = new List<double>();
        var coyoteIterations = new List<long>();
        var oursMs = new List<double>();
        var oursSchedules = new List<long>();
        int coyoteMisses = 0;
        int oursMisses = 0;
        int mostFaults = 0;
        for (int search = 1; search <= Searches; search++)
        {
            var coyote = CoyoteBank.Test(mode, 10_000, (uint)search);
            if (coyote.Bugs == 0)
            {
                coyoteMisses++;
            }

            coyoteMs.Add(coyote.Elapsed.TotalMilliseconds);
            coyoteIterations.Add(coyote.Iterations);

            var ours = SplitBrain.Explorer.Run(scenario, new ExploreOptions { FirstSeed = search * 1000, Schedules = 10_000, Fencing = false });
            if (ours.FirstViolation is null)
            {
                oursMisses++;
            }

            oursMs.Add(ours.Elapsed.TotalMilliseconds);
            oursSchedules.Add(ours.FirstViolatingSeed is { } seed ? seed - search * 1000 + 1 : ours.Schedules);
            mostFaults = Math.Max(mostFaults, ours.ShrunkSchedule?.Count ?? 0);
        }

        double coyoteMedian = Median(coyoteMs);
        double oursMedian = Median(oursMs);
        Console.WriteLine($"  {label}, time to the first overdraft, median of {Searches} searches: "
            + $"coyote {coyoteMedian:0.0} ms ({Median(coyoteIterations)} iterations, {coyoteMisses} searches found nothing); "
            + $"explorer {oursMedian:0.0} ms ({Median(oursSchedules)} schedules, {oursMisses} found nothing, shrunk to at most {mostFaults} faults); "
            + $"ratio {coyoteMedian / oursMedian:0.0}x");
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static long Median(List<long> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
