using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using SplitBrain;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course check PATH…</c>: checks client histories for linearizability, in one process. Exit 0 when every
/// history is linearizable, 1 when any is not, 2 for a file that cannot be read, 3 when a check ran out of budget.
/// </summary>
public static class CheckCommand
{
    /// <summary>Exit code when some check could not decide within its budget.</summary>
    public const int Unknown = 3;

    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "History files: Jepsen-style EDN lines (as 'course run --history' writes) or Jepsen etcd logs. A folder means its *.edn, *.log and *.txt files.", Arity = ArgumentArity.OneOrMore };
        var model = new Option<string?>("--model") { Description = "register, kv or bank. Default: inferred from each file's operations." };
        model.AcceptOnlyFromAmong([.. Models.Names]);
        var maxSteps = new Option<long>("--max-steps") { Description = "Search steps per file before the verdict is 'unknown'. Default 50,000,000.", DefaultValueFactory = _ => new CheckOptions().MaxSteps };
        var json = new Option<bool>("--json") { Description = "Print one JSON array, an object per file." };
        var command = new Command("check", "Check client histories for linearizability: could one single copy have told every client what it was told?")
        {
            paths, model, maxSteps, json,
        };
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            long steps = parsed.GetValue(maxSteps);
            if (steps < 1)
            {
                throw new UsageException($"--max-steps must be at least 1; got {steps}.");
            }

            bool quiet = parsed.GetValue(json) || Console.IsErrorRedirected;
            var reports = new List<FileReport>();
            foreach (string path in Expand(parsed.GetValue(paths)!))
            {
                var watch = Stopwatch.StartNew();
                var history = Load(path);
                var chosen = Choose(parsed.GetValue(model), history, path);
                var options = new CheckOptions
                {
                    MaxSteps = steps,
                    Progress = quiet ? null : p => error.Write($"\r  {path}: {p.Steps:N0} steps, part {Math.Min(p.PartsDone + 1, p.Parts)} of {p.Parts}   "),
                };
                var result = chosen.Check(history, options);
                watch.Stop();
                if (!quiet && result.Steps >= options.ProgressEvery)
                {
                    error.WriteLine();
                }

                reports.Add(new FileReport(path, result, watch.Elapsed));
            }

            if (parsed.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(reports.Select(ToJson).ToArray(), CliJson.Options));
            }
            else
            {
                foreach (var report in reports)
                {
                    Tell(report, output);
                }
            }

            return reports.Any(r => r.Result.Verdict == Verdict.NotLinearizable) ? 1
                : reports.Any(r => r.Result.Verdict == Verdict.Unknown) ? Unknown
                : 0;
        });
        return command;
    }

    /// <summary>Reads a history file, turning an unreadable or malformed one into a one-line usage error naming the file (and line).</summary>
    /// <param name="path">The file.</param>
    public static History Load(string path)
    {
        try
        {
            return History.Load(path);
        }
        catch (HistoryFormatException bad)
        {
            throw new UsageException($"{path} {bad.Message}");
        }
        catch (Exception bad) when (bad is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot read the history {path}: {bad.Message.Split(" (Parameter")[0]}");
        }
    }

    private static IEnumerable<string> Expand(string[] paths)
    {
        foreach (string path in paths)
        {
            if (!Directory.Exists(path))
            {
                yield return path;
                continue;
            }

            var files = Directory.GetFiles(path)
                .Where(f => Path.GetExtension(f) is ".edn" or ".log" or ".txt")
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (files.Length == 0)
            {
                throw new UsageException($"the folder {path} has no history files (*.edn, *.log, *.txt).");
            }

            foreach (string file in files)
            {
                yield return file;
            }
        }
    }

    private static HistoryModel Choose(string? name, History history, string path)
    {
        try
        {
            var model = name is null ? Models.Infer(history) : Models.Get(name);
            var unknown = history.Functions.Where(f => !model.Functions.Contains(f)).ToArray();
            if (unknown.Length > 0)
            {
                throw new ArgumentException($"the {model.Name} model knows {string.Join(", ", model.Functions)}, but the history has {string.Join(", ", unknown)}");
            }

            if (model == Models.Register && history.Operations.Any(o => o.Function == "cas" && o.Argument is not IReadOnlyList<object?> { Count: 2 }))
            {
                throw new ArgumentException("a cas takes [from to]");
            }

            if (model == Models.BankAccount && history.Operations.Any(o => o.Function != "read" && o.Argument is not long))
            {
                throw new ArgumentException("a deposit or withdrawal takes an amount in whole dollars");
            }

            return model;
        }
        catch (ArgumentException bad)
        {
            throw new UsageException($"{path}: {bad.Message.Split(" (Parameter")[0]}");
        }
    }

    private static void Tell(FileReport report, TextWriter output)
    {
        var result = report.Result;
        string verdict = result.Verdict switch
        {
            Verdict.Linearizable => "linearizable",
            Verdict.NotLinearizable => "NOT linearizable",
            _ => "unknown",
        };
        output.WriteLine($"{report.File}: {verdict} ({result.Model} model, {result.Operations} operations, {report.Elapsed.TotalMilliseconds:0} ms)");
        if (result.Failure is { } failure)
        {
            foreach (string line in failure.ToString().Split(Environment.NewLine))
            {
                output.WriteLine("  " + line);
            }
        }
        else if (result.UnknownReason is { } reason)
        {
            output.WriteLine($"  Undecided: {reason}.");
        }
    }

    private static object ToJson(FileReport report)
    {
        var result = report.Result;
        var json = new Dictionary<string, object?>
        {
            ["file"] = report.File,
            ["model"] = result.Model,
            ["operations"] = result.Operations,
            ["linearizable"] = result.IsLinearizable,
            ["elapsedMs"] = Math.Round(report.Elapsed.TotalMilliseconds, 3),
            ["steps"] = result.Steps,
        };
        if (result.Failure is { } failure)
        {
            var stuck = failure.Stuck;
            json["operation"] = new Dictionary<string, object?>
            {
                ["id"] = stuck.Id,
                ["process"] = stuck.Process,
                ["f"] = stuck.Function,
                ["key"] = stuck.Key,
                ["value"] = Edn.Write(stuck.Argument),
                ["type"] = stuck.Outcome.ToString().ToLowerInvariant(),
                ["result"] = Edn.Write(stuck.Result),
                ["description"] = failure.Returned,
                ["allowed"] = failure.Allowed,
            };
            json["longestPrefix"] = failure.PrefixInWords;
            json["part"] = failure.Part;
        }

        if (result.UnknownReason is { } reason)
        {
            json["unknownReason"] = reason;
        }

        return json;
    }

    private sealed record FileReport(string File, LinearizabilityResult Result, TimeSpan Elapsed);
}
