using System.CommandLine;
using Course.Grading;

namespace Course.Cli;

/// <summary><c>course release DIR [--root DIR]</c>: writes the student copy of the course, without solutions/.</summary>
public static class ReleaseCommand
{
    /// <summary>Builds the <c>release</c> verb.</summary>
    public static Command Create()
    {
        var target = new Argument<string>("DIR") { Description = "A new or empty folder, outside the course, for the student copy." };
        var root = new Option<string?>("--root") { Description = "The course folder; by default the current folder." };
        var command = new Command("release", "Write the student copy: everything but solutions/, graded tests pointed at exercises/, a learners' README and a GitHub Classroom workflow.")
        {
            target, root,
        };
        command.SetAction(parsed =>
        {
            var from = parsed.GetValue(root) ?? Directory.GetCurrentDirectory();
            int files;
            try
            {
                files = ReleaseWriter.Write(from, parsed.GetValue(target)!);
            }
            catch (ArgumentException bad)
            {
                throw new UsageException(bad.Message);
            }

            parsed.InvocationConfiguration.Output.WriteLine($"Wrote the student copy ({files} files) to {Path.GetFullPath(parsed.GetValue(target)!)}: no solutions/, graded tests on exercises/. Grade it with: course grade --root {Path.GetFullPath(parsed.GetValue(target)!)}");
            return 0;
        });
        return command;
    }
}
