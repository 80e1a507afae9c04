using System.Diagnostics;
using Microsoft.Coyote;
using Microsoft.Coyote.Actors;
using Microsoft.Coyote.SystematicTesting;

namespace SplitBrain.Coyote;

/// <summary>What one Coyote test run of the bank model found.</summary>
/// <param name="Mode">How the leaders wrote.</param>
/// <param name="Iterations">How many executions Coyote explored.</param>
/// <param name="Bugs">How many bugs it found (it stops at the first).</param>
/// <param name="Bug">The first bug's text, or empty.</param>
/// <param name="Elapsed">Wall time of the engine's run.</param>
public sealed record CoyoteRun(LedgerWriteMode Mode, long Iterations, int Bugs, string Bug, TimeSpan Elapsed)
{
    /// <summary>Executions per second.</summary>
    public double IterationsPerSecond => Iterations / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>Runs the Coyote model of bank-ledger (<see cref="BankCluster"/>) under Coyote's systematic tester.</summary>
public static class CoyoteBank
{
    /// <summary>Tests the model with leaders writing in <paramref name="mode"/>, stopping at the first bug.</summary>
    /// <param name="mode">BlindUnfenced, BlindFenced (both overdraw), FencedTakeover or ConditionalFenced (both safe).</param>
    /// <param name="iterations">The most executions to explore; at least 1.</param>
    /// <param name="seed">The seed of Coyote's scheduler.</param>
    public static CoyoteRun Test(LedgerWriteMode mode, uint iterations, uint seed)
    {
        BankCluster.Guarded(mode); // throws for a mode the model does not have
        if (iterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(iterations), iterations, "Explore at least 1 iteration.");
        }

        BankCluster.Mode = mode;
        var configuration = Configuration.Create()
            .WithTestingIterations(iterations)
            .WithRandomGeneratorSeed(seed)
            .WithTelemetryEnabled(false)
            .WithConsoleLoggingEnabled(false);
        // Coyote writes its progress to the console whatever the configuration says; keep it quiet.
        var console = Console.Out;
        Console.SetOut(TextWriter.Null);
        var watch = Stopwatch.StartNew();
        TestingEngine engine;
        try
        {
            engine = TestingEngine.Create(configuration, (IActorRuntime runtime) => runtime.CreateActor(typeof(BankCluster)));
            engine.Run();
        }
        finally
        {
            watch.Stop();
            Console.SetOut(console);
        }

        var report = engine.TestReport;
        return new CoyoteRun(
            mode,
            report.NumOfExploredFairPaths + report.NumOfExploredUnfairPaths,
            report.NumOfFoundBugs,
            report.BugReports.FirstOrDefault() ?? "",
            watch.Elapsed);
    }
}
