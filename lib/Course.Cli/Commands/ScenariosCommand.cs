using System.CommandLine;
using System.Text.Json;
using SplitBrain;

namespace Course.Cli.Commands;

/// <summary><c>course scenarios</c>: lists the scenarios, one line each.</summary>
public static class ScenariosCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of text." };
        var command = new Command("scenarios", "List the scenarios, one line each.") { json };
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json))
            {
                var list = Scenarios.All.Select(s => new { name = s.Name, summary = s.Summary, teaches = s.Teaches.Id, protection = s.Protection });
                output.WriteLine(JsonSerializer.Serialize(list, CliJson.Options));
                return 0;
            }

            int width = Scenarios.Names.Max(n => n.Length);
            foreach (var scenario in Scenarios.All)
            {
                output.WriteLine($"{scenario.Name.PadRight(width)}  {scenario.Summary}");
            }

            output.WriteLine();
            output.WriteLine("Run one: course run bank-ledger --seed 1 --fencing off");
            return 0;
        });
        return command;
    }
}
