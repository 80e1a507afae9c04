using System.CommandLine;
using System.Text.RegularExpressions;
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
            error.WriteLine($"course: {Plain(parsed.Errors[0].Message)} (see 'course --help')");
            return BadInput;
        }

        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return parsed.Invoke(config);
        }
        catch (UsageException usage)
        {
            error.WriteLine($"course: {Plain(usage.Message)}");
            return BadInput;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            // A path the course cannot read or write: the learner's to fix, so one line and no stack trace.
            error.WriteLine($"course: {Plain(failure.Message)} Give a file or folder the course can read and write.");
            return BadInput;
        }
    }

    /// <summary>
    /// Turns a message into the one line the course prints: no line breaks, no <c>(Parameter 'x')</c> suffix,
    /// and for a value that does not parse, what the option takes instead of a .NET type name.
    /// </summary>
    /// <param name="message">The message of a parse error or an exception.</param>
    public static string Plain(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        string line = string.Join(' ', message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        line = Regex.Replace(line, @"\s*\(Parameter '[^']*'\)", "");
        line = Regex.Replace(line, @"\s*Actual value was [^ ]*\.?$", "");
        var parse = Regex.Match(line, @"^Cannot parse argument '(?<value>.*)' for (?:option|argument) '(?<name>[^']*)' as expected type '(?<type>[^']*)'\.?$");
        if (parse.Success)
        {
            string name = parse.Groups["name"].Value;
            line = $"{name} takes {Kind(parse.Groups["type"].Value, name)}; got '{parse.Groups["value"].Value}'.";
        }

        return line;
    }

    // An example value that makes sense for the option, where the type's own example would not.
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["--port"] = "5180",
        ["--seeds"] = "1000",
        ["--exercise"] = "2",
        ["--first-seed"] = "1001",
        ["--max-steps"] = "5000000",
    };

    private static string Kind(string type, string option)
    {
        if (Examples.TryGetValue(option, out string? example) && (type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal)))
        {
            return $"a whole number, like {example}";
        }

        if (type.Contains("Int32", StringComparison.Ordinal))
        {
            return "a whole number, like 3";
        }

        if (type.Contains("Int64", StringComparison.Ordinal))
        {
            return "a whole number, like 42";
        }

        if (type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal))
        {
            return "a number, like 2.5";
        }

        if (type.Contains("Boolean", StringComparison.Ordinal))
        {
            return "true or false";
        }

        return "another kind of value (see 'course --help')";
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
        root.Subcommands.Add(PlaygroundCommand.Create());
        return root;
    }
}
