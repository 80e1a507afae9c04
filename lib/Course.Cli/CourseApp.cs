using System.CommandLine;
using Course.Cli.Commands;

namespace Course.Cli;

/// <summary>
/// The verbs of the <c>course</c> command. Each verb lives in its own file under Commands/ and adds
/// itself here. Exit codes: 0 success, 1 the run found what it looked for (a violation, a failing grade),
/// 2 bad input (<c>course check</c> adds 3: a check that could not decide).
/// </summary>
public static class CourseApp
{
    /// <summary>Exit code for input the command does not accept.</summary>
    public const int BadInput = 2;

    /// <summary>Parses <paramref name="args"/>, runs the verb, and returns the exit code.</summary>
    /// <param name="args">The command line after <c>course</c>.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where errors go.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = BuildRoot();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            string message = string.Join(' ', parsed.Errors[0].Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            error.WriteLine($"course: {message} (see 'course --help')");
            return BadInput;
        }

        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return parsed.Invoke(config);
        }
        catch (UsageException usage)
        {
            error.WriteLine($"course: {usage.Message}");
            return BadInput;
        }
    }

    /// <summary>Builds the command tree, so tests and help see the same verbs as the program.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Split brain and fencing: a deterministic simulation course. One seed replays one run exactly.");
        root.SetAction(parsed => Welcome.Show(parsed.InvocationConfiguration.Output));
        root.Subcommands.Add(ScenariosCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ExploreCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(NotebooksCommand.Create());
        root.Subcommands.Add(GradeCommand.Create());
        root.Subcommands.Add(ReleaseCommand.Create());
        root.Subcommands.Add(LabCommand.Create());
        root.Subcommands.Add(LabClientCommand.Client());
        root.Subcommands.Add(LabClientCommand.Writer());
        return root;
    }
}
