using System.CommandLine;
using System.Text.Json;
using SplitBrain;

namespace Course.Cli.Commands;

/// <summary><c>course run &lt;scenario&gt;</c>: runs one scenario and tells its story, or prints it as JSON.</summary>
public static class RunCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario to run; see 'course scenarios'." };
        var seed = CommonOptions.Seed();
        var fencing = CommonOptions.Fencing();
        var margin = CommonOptions.Margin();
        var tokens = CommonOptions.Tokens();
        var quorum = CommonOptions.Quorum("Votes needed to win an election (default: a majority). Only for scenarios with elections.");
        var faults = new Option<string?>("--faults") { Description = "A fault schedule that replaces the scenario's own, like \"t=1s partition {A} | {B,C}; t=3s heal\" (as 'course explore' prints it)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the story." };
        var history = HistoryFile.Option();
        var command = new Command("run", "Run one scenario and tell its story, then the verdict.") { scenario, seed, fencing, margin, tokens, quorum, faults, json, history };
        command.SetAction(parsed =>
        {
            var options = new ScenarioOptions
            {
                Seed = parsed.GetValue(seed),
                Fencing = CommonOptions.IsOn(parsed.GetValue(fencing)!),
                Margin = CommonOptions.Switch(parsed.GetValue(margin)),
                Tokens = CommonOptions.Switch(parsed.GetValue(tokens)),
                Quorum = parsed.GetValue(quorum),
                Faults = parsed.GetValue(faults) is { } text ? ParseFaults(text) : null,
            };
            string? historyPath = parsed.GetValue(history);
            if (historyPath is not null)
            {
                HistoryFile.EnsureKept(parsed.GetValue(scenario)!);
                HistoryFile.CheckWritable(historyPath);
            }

            var result = RunScenario(parsed.GetValue(scenario)!, options);
            var output = parsed.InvocationConfiguration.Output;
            if (historyPath is not null)
            {
                HistoryFile.Write(result, historyPath);
            }

            if (parsed.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(RunReport.ToJson(result), CliJson.Options));
            }
            else
            {
                ScenarioStory.Tell(result, output);
                if (historyPath is not null)
                {
                    output.WriteLine(HistoryFile.Written(result.History!, historyPath));
                }

                output.WriteLine($"In the browser (run 'course playground' first): {PlaygroundSite.Link(result.Scenario.Name, result.Options)}");
            }

            return result.Violations.Count == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>Reads a fault schedule, turning a malformed one into a one-line usage error.</summary>
    /// <param name="text">The schedule's text.</param>
    public static IReadOnlyList<ScheduledFault> ParseFaults(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException("--faults needs at least one fault, like \"t=1s partition {A} | {B,C}; t=3s heal\"; leave it out to run the scenario's own faults.");
        }

        try
        {
            return FaultSchedule.Parse(text);
        }
        catch (ArgumentException error)
        {
            throw new UsageException(error.Message);
        }
    }

    /// <summary>Runs a scenario, turning bad names and options into one-line usage errors.</summary>
    /// <param name="name">The scenario name.</param>
    /// <param name="options">The options.</param>
    public static ScenarioResult RunScenario(string name, ScenarioOptions options)
    {
        try
        {
            var scenario = Scenarios.Get(name);
            if (options.Faults is { } faults)
            {
                scenario.CheckSchedule(faults);
            }

            return scenario.Run(options);
        }
        catch (ArgumentException error)
        {
            throw new UsageException(error.Message);
        }
    }
}
