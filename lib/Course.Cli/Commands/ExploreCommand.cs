using System.CommandLine;
using System.Text.Json;
using SplitBrain;

namespace Course.Cli.Commands;

/// <summary><c>course explore &lt;scenario&gt;</c>: throws random fault schedules at a scenario and reports the first failure, shrunk.</summary>
public static class ExploreCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario to explore; see 'course scenarios'." };
        var seeds = new Option<int>("--seeds") { Description = "How many schedules to try, at most. Default 10000.", DefaultValueFactory = _ => 10_000 };
        var firstSeed = new Option<long>("--first-seed") { Description = "The seed of the first schedule. Default 1.", DefaultValueFactory = _ => 1 };
        var fencing = CommonOptions.Fencing();
        var margin = CommonOptions.Margin();
        var tokens = CommonOptions.Tokens();
        var quorum = CommonOptions.Quorum("Votes needed to win an election (default: a majority).");
        var time = new Option<double?>("--time") { Description = "Stop after this many seconds of wall-clock time." };
        var all = new Option<bool>("--all") { Description = "Count every violating schedule instead of stopping at the first." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var history = new Option<string?>("--history") { Description = "Keep the client history of every violating schedule (and of the shrunk one) in this folder, as EDN files named by seed." };
        var command = new Command("explore", "Try many random fault schedules; report schedules per second, the first violating seed, and the shrunk schedule.")
        {
            scenario, seeds, firstSeed, fencing, margin, tokens, quorum, time, all, json, history,
        };
        command.SetAction(parsed =>
        {
            var target = Target(parsed.GetValue(scenario)!);
            string? historyFolder = parsed.GetValue(history);
            if (historyFolder is not null)
            {
                HistoryFile.EnsureKept(target.Name);
                HistoryFile.EnsureFolder(historyFolder);
            }

            var options = new ExploreOptions
            {
                OnViolation = historyFolder is null ? null : run => HistoryFile.Write(run, Path.Combine(historyFolder, $"{run.Scenario.Name}-seed{run.Options.Seed}.edn")),
                Schedules = Checked(parsed.GetValue(seeds), parsed.GetValue(time)),
                FirstSeed = parsed.GetValue(firstSeed),
                Fencing = CommonOptions.IsOn(parsed.GetValue(fencing)!),
                Margin = CommonOptions.Switch(parsed.GetValue(margin)),
                Tokens = CommonOptions.Switch(parsed.GetValue(tokens)),
                Quorum = parsed.GetValue(quorum),
                TimeBudget = parsed.GetValue(time) is { } limit ? TimeSpan.FromSeconds(limit) : null,
                StopAtFirstViolation = !parsed.GetValue(all),
                Progress = ProgressFor(parsed.InvocationConfiguration.Error, redirected: Console.IsErrorRedirected),
            };
            var result = Explore(target, options, parsed.InvocationConfiguration.Error);
            if (historyFolder is not null && result.ReplayOptions is { } replay)
            {
                HistoryFile.Write(target.Run(replay), Path.Combine(historyFolder, $"{target.Name}-seed{replay.Seed}-shrunk.edn"));
            }

            Report(result, parsed.GetValue(json), historyFolder, parsed.InvocationConfiguration.Output);
            return result.Violations == 0 ? 0 : 1;
        });
        return command;
    }

    private static Scenario Target(string name)
    {
        try
        {
            return Scenarios.Get(name);
        }
        catch (ArgumentException bad)
        {
            throw new UsageException(bad.Message);
        }
    }

    // The number of schedules, once --seeds and --time are known to make sense.
    private static int Checked(int count, double? seconds)
    {
        if (count < 1)
        {
            throw new UsageException($"--seeds must be at least 1; got {count}.");
        }

        if (seconds is { } limit && !(limit > 0))
        {
            throw new UsageException($"--time must be a number of seconds above 0; got {limit}.");
        }

        return count;
    }

    private static ExploreResult Explore(Scenario target, ExploreOptions options, TextWriter error)
    {
        ExploreResult result;
        try
        {
            result = Explorer.Run(target, options);
        }
        catch (ArgumentException bad)
        {
            throw new UsageException(bad.Message);
        }

        if (options.Progress is not null && !Console.IsErrorRedirected)
        {
            error.WriteLine();
        }

        return result;
    }

    private static void Report(ExploreResult result, bool asJson, string? historyFolder, TextWriter output)
    {
        if (asJson)
        {
            output.WriteLine(JsonSerializer.Serialize(ToJson(result), CliJson.Options));
            return;
        }

        Tell(result, output);
        if (historyFolder is not null && result.FirstViolatingSeed is not null)
        {
            output.WriteLine($"Histories of the violating schedules are in {historyFolder}; check them with: course check {historyFolder}");
        }

        if (result.ReplayOptions is { } replay)
        {
            output.WriteLine($"In the browser (run 'course playground' first): {PlaygroundSite.Link(result.Scenario, replay)}");
        }
    }

    /// <summary>The JSON shape of an exploration.</summary>
    /// <param name="result">The exploration.</param>
    public static object ToJson(ExploreResult result) => new
    {
        scenario = result.Scenario,
        fencing = result.Fencing,
        schedules = result.Schedules,
        violations = result.Violations,
        stoppedAtFirstViolation = result.StoppedAtFirstViolation,
        schedulesRun = result.SchedulesRun,
        firstViolatingSeed = result.FirstViolatingSeed,
        invariant = result.FirstViolation?.Invariant,
        message = result.FirstViolation?.Message,
        schedule = result.Schedule?.Select(f => f.ToString()).ToArray(),
        shrunkSchedule = result.ShrunkSchedule?.Select(f => f.ToString()).ToArray(),
        replay = result.Replay,
        replayTraceHash = result.ReplayTraceHash,
        elapsedMs = Math.Round(result.Elapsed.TotalMilliseconds, 3),
        shrinkMs = Math.Round(result.ShrinkElapsed.TotalMilliseconds, 3),
        schedulesPerSecond = Math.Round(result.SchedulesPerSecond),
    };

    /// <summary>
    /// Progress on stderr: a line redrawn in place on a terminal; when stderr goes to a file or a pipe, a plain
    /// line at most every 10 s of wall-clock time, so a long search still shows that it is alive.
    /// </summary>
    /// <param name="error">Where progress goes.</param>
    /// <param name="redirected">Whether stderr is a file or a pipe.</param>
    public static IProgress<ExploreProgress> ProgressFor(TextWriter error, bool redirected)
    {
        if (!redirected)
        {
            return new Progress<ExploreProgress>(p =>
                error.Write($"\r  {p.Schedules:N0} schedules, {p.Violations:N0} violations, {p.SchedulesPerSecond:N0}/s   "));
        }

        var since = System.Diagnostics.Stopwatch.StartNew();
        var gate = new object();
        return new Progress<ExploreProgress>(p =>
        {
            lock (gate)
            {
                if (since.Elapsed >= TimeSpan.FromSeconds(10))
                {
                    error.WriteLine($"  {p.Schedules:N0} schedules, {p.Violations:N0} violations, {p.SchedulesPerSecond:N0}/s");
                    since.Restart();
                }
            }
        });
    }

    private static void Tell(ExploreResult result, TextWriter output)
    {
        string head = $"{result.Scenario}, fencing {(result.Fencing ? "on" : "off")}";
        if (result.StoppedAtFirstViolation)
        {
            output.WriteLine($"{head}: the first violation is in schedule {result.Schedules:N0} (seed {result.FirstViolatingSeed}), found in {result.Elapsed.TotalSeconds:0.###} s. The search stopped there, so this time is mostly start-up, not a speed: run with --all for schedules per second.");
        }
        else
        {
            output.WriteLine($"{head}: {result.Schedules:N0} schedules in {result.Elapsed.TotalSeconds:0.###} s ({result.SchedulesPerSecond:N0} per second), {result.Violations:N0} broke an invariant.");
        }

        if (result.FirstViolation is not { } violation)
        {
            output.WriteLine("No invariant broke.");
            return;
        }

        output.WriteLine($"First violation at seed {result.FirstViolatingSeed}: {violation}");
        output.WriteLine($"Schedule as drawn ({Count(result.Schedule!.Count, "fault")}): {FaultSchedule.Format(result.Schedule)}");
        output.WriteLine($"Shrunk to {Count(result.ShrunkSchedule!.Count, "fault")} in {result.ShrinkElapsed.TotalMilliseconds:0} ms:");
        foreach (var fault in result.ShrunkSchedule)
        {
            output.WriteLine($"  {fault}");
        }

        output.WriteLine($"Replay: course {result.Replay}");
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
